import { say } from './layout.tsx';
import Html, { type Children } from '@kitajs/html';
import { t, text, type Lang, type Text } from '../kernel/i18n.ts';

/** A form being shown again: what the person typed and what is wrong with it. */
export interface FormState {
  readonly values: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly errors: Readonly<Record<string, Text>>;
  readonly summary?: Text | undefined;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

export function fieldValue(form: FormState, name: string): string {
  const value = form.values[name];
  return typeof value === 'string' ? value : '';
}

export function fieldValues(form: FormState, name: string): readonly string[] {
  const value = form.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** The id of a form field's control; its hint and error take `-hint` and `-error` after it. */
export const fieldId = (name: string) => `f-${name}`;

/** GOV.UK-style summary at the top: one link per problem, focused first by screen readers. */
export function ErrorSummary(props: { lang: Lang; form: FormState; labels: Readonly<Record<string, Text>> }): JSX.Element {
  const entries = Object.entries(props.form.errors);
  if (entries.length === 0 && !props.form.summary) return '';
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
      <h2 id="error-summary-title">
        {Html.escapeHtml(t(props.lang, props.form.summary ?? text('Ada isian yang perlu diperbaiki', 'There is a problem')))}
      </h2>
      {entries.length > 0 ? (
        <ul>
          {entries.map(([name, message]) => (
            <li>
              <a href={`#${fieldId(name)}`} safe>
                {props.labels[name] ? `${t(props.lang, props.labels[name]!)}: ${t(props.lang, message)}` : t(props.lang, message)}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}

export function CsrfField(props: { token: string }): JSX.Element {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A one-button form that removes a row; the accessible name says which row, as every row's button reads "Remove". */
export function RemoveButton(props: { lang: Lang; action: string; csrfToken: string; what: string }): JSX.Element {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField token={props.csrfToken} />
      <button type="submit" class="secondary" aria-label={`${props.lang === 'id' ? 'Hapus' : 'Remove'} ${props.what}`}>
        {say(props.lang, text('Hapus', 'Remove'))}
      </button>
    </form>
  );
}

interface FieldProps {
  readonly lang: Lang;
  readonly form: FormState;
  readonly name: string;
  readonly label: Text;
  readonly hint?: Text;
  readonly required?: boolean;
}

/** The hint and the error message under a label, with the ids that aria-describedby points to. */
export function HintAndError(props: Pick<FieldProps, 'lang' | 'form' | 'name'> & { readonly hint?: Text | undefined }): JSX.Element {
  const error = props.form.errors[props.name];
  return (
    <>
      {props.hint ? (
        <p class="hint" id={`${fieldId(props.name)}-hint`}>
          {say(props.lang, props.hint)}
        </p>
      ) : (
        ''
      )}
      {error ? (
        <p class="error" id={`${fieldId(props.name)}-error`}>
          {say(props.lang, error)}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

function FieldFrame(props: FieldProps & { children?: Children }): JSX.Element {
  const error = props.form.errors[props.name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={fieldId(props.name)}>
        {Html.escapeHtml(t(props.lang, props.label))}
        {props.required ? '' : <span class="optional">{say(props.lang, text(' (opsional)', ' (optional)'))}</span>}
      </label>
      <HintAndError {...props} />
      {props.children}
    </div>
  );
}

/** The ids of the hint and error a control is described by, or undefined when it has neither. */
export function describedBy(props: Pick<FieldProps, 'form' | 'name'> & { readonly hint?: Text | undefined }): string | undefined {
  const ids = [props.hint ? `${fieldId(props.name)}-hint` : '', props.form.errors[props.name] ? `${fieldId(props.name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldProps & { type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'tel' | 'number' | 'datetime-local'; autocomplete?: string; inputmode?: string; value?: string },
): JSX.Element {
  const keep = props.type !== 'password';
  return (
    <FieldFrame {...props}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={keep ? (props.value ?? fieldValue(props.form, props.name)) : undefined}
        required={props.required}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number }): JSX.Element {
  return (
    <FieldFrame {...props}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={String(props.rows ?? 4)}
        required={props.required}
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        safe
      >
        {fieldValue(props.form, props.name)}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { options: readonly { value: string; label: Text | string }[] }): JSX.Element {
  const current = fieldValue(props.form, props.name);
  return (
    <FieldFrame {...props}>
      <select
        id={fieldId(props.name)}
        name={props.name}
        required={props.required}
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {Html.escapeHtml(typeof o.label === 'string' ? o.label : t(props.lang, o.label))}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxGroup(props: FieldProps & { options: readonly { value: string; label: Text }[] }): JSX.Element {
  const current = fieldValues(props.form, props.name);
  const error = props.form.errors[props.name];
  return (
    <fieldset class={error ? 'field has-error' : 'field'} id={fieldId(props.name)} aria-describedby={describedBy(props)}>
      <legend>{say(props.lang, props.label)}</legend>
      <HintAndError {...props} />
      {props.options.map((o, i) => (
        <div class="check">
          <input type="checkbox" id={`${fieldId(props.name)}-${i}`} name={props.name} value={o.value} checked={current.includes(o.value)} />
          <label for={`${fieldId(props.name)}-${i}`}>
            {say(props.lang, o.label)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** Reads a url-encoded or multipart body into plain strings; anything else becomes empty. */
export function formBody(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    // Browsers send a textarea's line breaks as CRLF; everything downstream (letters, exports) uses LF.
    const lf = (v: string) => v.replace(/\r\n?/g, '\n');
    const value = (v: unknown): string | undefined =>
      typeof v === 'string' ? lf(v) : v && typeof v === 'object' && 'value' in v && typeof (v as { value: unknown }).value === 'string' ? lf((v as { value: string }).value) : undefined;
    if (Array.isArray(raw)) out[key] = raw.map(value).filter((v): v is string => v !== undefined);
    else {
      const v = value(raw);
      if (v !== undefined) out[key] = v;
    }
  }
  return out;
}

export function str(body: Record<string, string | string[]>, key: string): string {
  const v = body[key];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
}

export function list(body: Record<string, string | string[]>, key: string): string[] {
  const v = body[key];
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v];
}

/** What a form typed, to show again when it comes back; the CSRF token is the page's own. */
export function typed(body: Record<string, string | string[]>): Record<string, string | string[]> {
  const { _csrf, ...rest } = body;
  return rest;
}

/** Errors keyed by a service's field names, under the names the page's form uses for them. */
export function renameFields(errors: Readonly<Record<string, Text>>, names: Readonly<Record<string, string>>): Record<string, Text> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [Object.hasOwn(names, k) ? names[k]! : k, v]));
}

/** A file kept from an earlier sending of the same form (src/requests/service.ts stageUploads). */
export interface StagedView {
  readonly token: string;
  readonly role: string;
  readonly name: string;
}

/** The files of one field a form that came back already holds, each with a box to drop it. */
export function StagedList(props: { lang: Lang; role: string; staged: readonly StagedView[] }): JSX.Element {
  const { lang, role } = props;
  const mine = props.staged.filter((s) => s.role === role);
  if (mine.length === 0) return <></>;
  return (
    <ul class="staged">
      {mine.map((s, i) => (
        <li>
          <input type="hidden" name="staged" value={s.token} />
          {say(lang, text('Sudah dilampirkan: ', 'Already attached: '))}
          <strong safe>{s.name}</strong>
          <div class="check">
            <input type="checkbox" id={`drop-${role}-${i}`} name="drop_staged" value={s.token} />
            <label for={`drop-${role}-${i}`}>{Html.escapeHtml(t(lang, text(`Hapus lampiran "${s.name}"`, `Remove the attachment "${s.name}"`)))}</label>
          </div>
        </li>
      ))}
    </ul>
  );
}
