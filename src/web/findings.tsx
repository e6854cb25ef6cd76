import type { CheckReport } from '../kernel/checker/index.ts';
import { t, text, type Lang } from '../kernel/i18n.ts';
import { DataTable, say } from './layout.tsx';

/** The file checker's findings on one file, as staff see them before a file reaches the public. */
export function FindingsTable(props: { lang: Lang; file: { readonly id: number; readonly name: string }; report: CheckReport }): JSX.Element {
  const { lang, file, report } = props;
  return (
    <DataTable lang={lang} id={`findings-${file.id}`} caption={text(`Temuan pemeriksa pada ${file.name}`, `Checker findings in ${file.name}`)} captionVisible>
      <thead>
        <tr>
          <th scope="col">{say(lang, text('Temuan', 'Finding'))}</th>
          <th scope="col">{say(lang, text('Letak', 'Where'))}</th>
          <th scope="col">{say(lang, text('Cuplikan (disamarkan)', 'Excerpt (masked)'))}</th>
        </tr>
      </thead>
      <tbody>
        {report.findings.map((f) => (
          <tr>
            <td safe>{t(lang, f.message)}</td>
            <td safe>{f.location}</td>
            <td safe>{f.excerpt}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
