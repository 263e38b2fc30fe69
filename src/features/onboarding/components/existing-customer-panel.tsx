import {
  Body1,
  Field,
  Input,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useRelationshipRequest } from '@/api/partner-center/get-relationship-request';
import type { PartnerRelationship } from '@/api/partner-center/resources';
import { CopyButton } from '@/features/onboarding/components/copy-button';
import { resellerName } from '@/features/onboarding/steps/reseller-step';
import { RequestProblemNotice } from '@/features/onboarding/components/request-problem-notice';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '48rem' },
  line: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '16rem' },
  link: { fontFamily: tokens.fontFamilyMonospace },
  explain: { color: tokens.colorNeutralForeground2 },
});

function emailText(url: string, partnerName: string): string {
  return [
    'Hello,',
    '',
    `${partnerName} would like to become your Microsoft Cloud Solution Provider, so that we can manage your Microsoft subscriptions and support you directly.`,
    '',
    'To accept, a Global Administrator of your Microsoft organization opens this link, signs in and accepts the authorization:',
    '',
    url,
    '',
    'Accepting does not change your existing subscriptions or data. If you have questions, reply to this email.',
    '',
    'Kind regards,',
    partnerName,
  ].join('\n');
}

/**
 * An existing Microsoft customer is not created again: it accepts a reseller relationship from
 * Partner Center's link, which this shows with a copy button and an email ready to send.
 */
export function ExistingCustomerPanel(props: {
  resellers: readonly PartnerRelationship[];
  partnerName: string;
}) {
  const styles = useStyles();
  const [resellerId, setResellerId] = useState('');
  const request = useRelationshipRequest(resellerId || undefined);
  const selectId = useId();
  const url = request.data?.url ?? '';
  const reseller = props.resellers.find((item) => item.id === resellerId);
  const sender = reseller ? resellerName(reseller) : props.partnerName;
  return (
    <div className={styles.panel}>
      <Body1 className={styles.explain}>
        A company that already has a Microsoft organization (Microsoft 365, Azure, Dynamics) keeps
        it: send it this link, and once a Global Administrator accepts it, the customer appears in
        your list.
      </Body1>
      {props.resellers.length > 0 && (
        <Field
          label="On behalf of"
          hint="As an indirect provider, you can ask for one of your resellers."
        >
          <Select
            id={selectId}
            value={resellerId}
            onChange={(_event, data) => setResellerId(data.value)}
          >
            <option value="">Yourself (a direct customer)</option>
            {props.resellers.map((item) => (
              <option key={item.id} value={item.id}>
                {resellerName(item)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {request.isPending ? (
        <Spinner size="small" labelPosition="after" label="Asking Partner Center for the link…" />
      ) : request.isError ? (
        <RequestProblemNotice
          error={request.error}
          subject="the relationship request link"
          onRetry={() => void request.refetch()}
        />
      ) : (
        <>
          <div className={styles.line}>
            <Field className={styles.grow} label="Relationship request link">
              <Input className={styles.link} readOnly value={url} data-testid="relationship-link" />
            </Field>
            <CopyButton appearance="primary" label="Copy link" text={() => url} />
          </div>
          <div className={styles.line}>
            <Field className={styles.grow} label="Email to send">
              <Textarea readOnly resize="vertical" rows={12} value={emailText(url, sender)} />
            </Field>
            <CopyButton label="Copy email" text={() => emailText(url, sender)} />
          </div>
        </>
      )}
    </div>
  );
}
