import type { BuildOptions } from 'esbuild';

export const BUNDLED_PACKAGES: string[];
export function serverBundleOptions(outfile: string): BuildOptions;
