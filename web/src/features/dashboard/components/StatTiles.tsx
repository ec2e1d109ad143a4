import { Card, Skeleton } from 'antd';
import { Link } from '../../../lib/router.tsx';

export interface Tile {
  label: string;
  value: number | undefined;
  to?: string;
}

/** A row of figures; each links to the page behind it. */
export function StatTiles({ tiles }: { tiles: Tile[] }) {
  return (
    <ul className="stat-tiles">
      {tiles.map((tile) => {
        const body = (
          <>
            <span className="stat-value">{tile.value === undefined ? <Skeleton.Button active size="small" /> : tile.value}</span>
            <span className="stat-label">{tile.label}</span>
          </>
        );
        return (
          <li key={tile.label}>
            <Card size="small" className="stat-card">
              {tile.to ? (
                <Link to={tile.to} className="stat-link">
                  {body}
                </Link>
              ) : (
                <div className="stat-link">{body}</div>
              )}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
