import type { ChartGeometry } from './rules.ts';
import { text, type Lang, type Text } from '../kernel/i18n.ts';
import { say } from '../web/layout.tsx';

/**
 * A server-drawn bar chart, the one every report page uses. The same numbers are always in a table
 * next to it; `caption` says where (above by default), so screen readers are pointed to them.
 */
export function BarChart(props: { lang: Lang; id: string; title: Text; geometry: ChartGeometry; caption?: Text }): JSX.Element {
  const { lang, geometry: g } = props;
  const desc = g.rows.map((r) => `${r.label}: ${r.value}`).join('; ');
  const caption = props.caption ?? text(`${props.title.id} (angka yang sama ada pada tabel di atas)`, `${props.title.en} (the same numbers are in the table above)`);
  return (
    <figure class="chart">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        width={String(g.width)}
        height={String(g.height)}
        viewBox={`0 0 ${g.width} ${g.height}`}
      >
        <title id={`${props.id}-title`}>{say(lang, props.title)}</title>
        <desc id={`${props.id}-desc`} safe>
          {desc}
        </desc>
        {g.rows.map((r) => (
          <g>
            <text x={String(g.labelWidth - 6)} y={String(r.textY)} text-anchor="end" safe>
              {r.label}
            </text>
            {r.barWidth > 0 ? <rect x={String(r.barX)} y={String(r.y)} width={String(r.barWidth)} height={String(r.barHeight)} /> : ''}
            <text x={String(r.valueX)} y={String(r.textY)}>
              {r.value}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{say(lang, caption)}</figcaption>
    </figure>
  );
}
