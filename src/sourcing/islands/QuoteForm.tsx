/**
 * The company form of the quote basket. Checks in the browser with the API's rules (tax code
 * check digit, MOQ, date), then POST /api/quotes; the API's field errors come back onto the
 * form and the basket lines. The hidden `homepage` field is a honeypot people never see.
 */
import { type ReactNode, useId, useState } from 'react';
import type { Locale } from '~/i18n/locales';
import { todayInVietnam } from '~/i18n/today';
import type { BasketEntry } from '~/sourcing/client/basket-store';
import {
  type CompanyField,
  type CompanyFormValues,
  EMPTY_COMPANY_FORM,
  type FormErrors,
  mapServerFields,
  validateCompanyForm,
} from '~/sourcing/company-form';
import { type SourcingStringKey, sourcingStrings } from '~/sourcing/strings';

export interface SentQuote {
  reference: string;
  email: string;
  requests: { facility: { id: string; name: string }; items: { product: string; quantity: number }[] }[];
}

interface Props {
  locale: Locale;
  provinces: string[];
  entries: BasketEntry[];
  onLineErrors(errors: Map<number, { field: string; message: string }>): void;
  onSent(quote: SentQuote): void;
}

export default function QuoteForm({ locale, provinces, entries, onLineErrors, onSent }: Props) {
  const t = sourcingStrings(locale);
  const id = useId();
  const [values, setValues] = useState<CompanyFormValues>(EMPTY_COMPANY_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const today = todayInVietnam();

  const belowMoq = entries.some((e) => e.quantity < e.offer.minOrderQuantity);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const found = validateCompanyForm(values, today);
    setErrors(found);
    if (Object.keys(found).length > 0 || belowMoq) {
      setProblem(t('formHasErrors'));
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      const response = await fetch('/api/quotes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          items: entries.map((e) => ({ sku: e.offer.sku, quantity: e.quantity })),
          company: {
            name: values.name,
            taxCode: values.taxCode,
            contactName: values.contactName,
            phone: values.phone,
            email: values.email,
            province: values.province,
          },
          ...(values.targetDate ? { targetDate: values.targetDate } : {}),
          ...(values.message.trim() ? { message: values.message } : {}),
          ...(values.homepage ? { homepage: values.homepage } : {}),
          locale,
        }),
      });
      const body = (await response.json()) as { reference: string; requests: SentQuote['requests'] } & {
        error?: { message: string; fields?: Record<string, string> };
      };
      if (response.status === 201) {
        onSent({
          reference: body.reference,
          email: values.email.trim().toLowerCase(),
          requests: body.requests,
        });
        return;
      }
      if (response.status === 429) {
        setProblem(t('noLimit'));
        return;
      }
      const fields = body.error?.fields;
      if (!fields) {
        setProblem(body.error?.message ?? t('networkError'));
        return;
      }
      const mapped = mapServerFields(fields, values);
      setErrors(mapped.form);
      onLineErrors(mapped.lines);
      setProblem([t('formHasErrors'), ...mapped.other].join(' '));
    } catch {
      setProblem(t('networkError'));
    } finally {
      setSending(false);
    }
  }

  const field = (
    name: CompanyField,
    label: SourcingStringKey,
    input: (props: FieldProps) => ReactNode,
    hint?: string,
  ) => {
    const error = errors[name];
    const props: FieldProps = {
      id: `${id}-${name}`,
      name,
      value: values[name],
      onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
      'aria-invalid': error ? true : undefined,
      'aria-describedby':
        [hint && `${id}-${name}-hint`, error && `${id}-${name}-error`].filter(Boolean).join(' ') || undefined,
    };
    return (
      <div className="field">
        <label htmlFor={props.id}>{t(label)}</label>
        {hint && (
          <span id={`${id}-${name}-hint`} className="muted">
            {hint}
          </span>
        )}
        {input(props)}
        {error && (
          <span id={`${id}-${name}-error`} className="error">
            {t(error)}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      className="quote-form"
      onSubmit={submit}
      noValidate
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <fieldset>
        <legend>{t('companyLegend')}</legend>
        {field('name', 'companyName', (p) => (
          <TextInput {...p} autoComplete="organization" />
        ))}
        {field(
          'taxCode',
          'taxCode',
          (p) => (
            <TextInput {...p} inputMode="numeric" autoComplete="off" />
          ),
          t('taxCodeHint'),
        )}
        {field('contactName', 'contactName', (p) => (
          <TextInput {...p} autoComplete="name" />
        ))}
        {field('phone', 'phone', (p) => (
          <TextInput {...p} type="tel" autoComplete="tel" />
        ))}
        {field('email', 'email', (p) => (
          <TextInput {...p} type="email" autoComplete="email" />
        ))}
        {field('province', 'province', (p) => (
          <select
            id={p.id}
            name={p.name}
            value={p.value}
            onChange={(e) => p.onChange(e.target.value)}
            aria-invalid={p['aria-invalid']}
            aria-describedby={p['aria-describedby']}
          >
            <option value="">{t('chooseProvince')}</option>
            {provinces.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        ))}
        {field('targetDate', 'targetDate', (p) => (
          <TextInput {...p} type="date" min={today} />
        ))}
        {field('message', 'message', (p) => (
          <textarea
            id={p.id}
            name={p.name}
            value={p.value}
            onChange={(e) => p.onChange(e.target.value)}
            rows={4}
            maxLength={2000}
            aria-describedby={p['aria-describedby']}
          />
        ))}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor={`${id}-homepage`}>{t('honeypot')}</label>
          <input
            id={`${id}-homepage`}
            name="homepage"
            tabIndex={-1}
            autoComplete="off"
            value={values.homepage}
            onChange={(e) => setValues((v) => ({ ...v, homepage: e.target.value }))}
          />
        </div>
      </fieldset>
      {problem && (
        <p id={`${id}-problem`} className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={sending}>
        {sending ? t('sending') : t('submitQuote')}
      </button>
    </form>
  );
}

interface FieldProps {
  id: string;
  name: string;
  value: string;
  onChange(value: string): void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function TextInput({
  onChange,
  ...props
}: FieldProps & { type?: string; autoComplete?: string; inputMode?: 'numeric'; min?: string }) {
  return <input {...props} type={props.type ?? 'text'} onChange={(e) => onChange(e.target.value)} />;
}
