import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/** Pages are plain HTML: no client script is needed to read them. */
export const renderPage = (page: ReactElement) => `<!doctype html>${renderToStaticMarkup(page)}`;
