import { useMsal } from '@azure/msal-react';
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { BuildingMultipleRegular, PersonAddRegular } from '@fluentui/react-icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useOrganizationProfile } from '@/api/partner-center/get-organization-profile';
import { useIndirectResellers } from '@/api/partner-center/list-indirect-resellers';
import type { CustomerListItem } from '@/api/partner-center/resources';
import { useCurrentUser, useMay } from '@/auth/current-user';
import { whoMay } from '@/auth/permissions';
import { useDocumentTitle } from '@/components/use-document-title';
import { useRuntimeConfig } from '@/config/runtime-config-context';
import { countryName } from '@/countries/countries';
import { defaultCulture } from '@/countries/cultures';
import type { DraftKey } from '@/forms/draft-keys';
import { deleteDraft, listDrafts, readDraft, writeDraft, type Draft } from '@/forms/draft-store';
import { ExistingCustomerPanel } from '@/features/onboarding/components/existing-customer-panel';
import { metaOf, OnboardingWizard } from '@/features/onboarding/components/onboarding-wizard';
import { RequestProblemNotice } from '@/features/onboarding/components/request-problem-notice';
import { usePartnerCountry } from '@/features/onboarding/hooks/use-partner-country';
import { stepsFor, stepTitles } from '@/features/onboarding/model/onboarding-steps';
import type { StepId } from '@/features/onboarding/model/step-ids';
import {
  emptyOnboardingValues,
  flatOnboardingValues,
  onboardingValuesFromFlat,
} from '@/features/onboarding/model/onboarding-values';

const route = getRouteApi('/_authenticated/customers/new');

const ONBOARDING_FORM = 'new-customer';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL, alignContent: 'start', minWidth: 0 },
  header: { display: 'grid', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  choices: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 18rem), 1fr))',
    maxWidth: '48rem',
  },
  choice: {
    display: 'grid',
    // Icon, title, text, button: the buttons of both choices on one line.
    gridTemplateRows: 'auto auto 1fr auto',
    justifyItems: 'start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  choiceTitle: { margin: 0 },
  drafts: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  draftList: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  draft: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  draftName: { flexGrow: 1, minWidth: '12rem', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  back: { justifySelf: 'start' },
});

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function useDraftOwner(): Omit<DraftKey, 'subject'> | undefined {
  const { instance } = useMsal();
  const account = instance.getActiveAccount();
  const tenantId = account?.tenantId;
  const homeAccountId = account?.homeAccountId;
  return useMemo(
    () =>
      tenantId && homeAccountId ? { tenantId, homeAccountId, form: ONBOARDING_FORM } : undefined,
    [tenantId, homeAccountId],
  );
}

function UnfinishedDrafts(props: {
  owner: Omit<DraftKey, 'subject'>;
  onResume: (id: string, step: StepId | undefined) => void;
}) {
  const styles = useStyles();
  const [drafts, setDrafts] = useState<{ subject: string; draft: Draft }[] | undefined>();
  const { owner } = props;
  useEffect(() => {
    let live = true;
    void listDrafts(owner).then((found) => {
      if (live) setDrafts(found);
    });
    return () => {
      live = false;
    };
  }, [owner]);
  if (!drafts || drafts.length === 0) return null;
  return (
    <section className={styles.drafts} aria-labelledby="unfinished-drafts">
      <Subtitle2 as="h2" id="unfinished-drafts">
        Unfinished onboardings
      </Subtitle2>
      <ul className={styles.draftList}>
        {drafts.map(({ subject, draft }) => {
          const values = onboardingValuesFromFlat(draft.values);
          const name = values.billingProfile.companyName.trim();
          const country = values.billingProfile.defaultAddress.country;
          const reached = metaOf(draft).reached;
          return (
            <li key={subject} className={styles.draft} data-testid="onboarding-draft">
              <div className={styles.draftName}>
                <Body1>{name ? <bdi>{name}</bdi> : 'Unnamed customer'}</Body1>
                <Caption1 className={styles.muted}>
                  {[
                    country ? countryName(country) : undefined,
                    `at ${stepTitles[reached] ?? 'the start'}`,
                    `saved ${time.format(draft.savedAt)}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Caption1>
              </div>
              <Button appearance="primary" onClick={() => props.onResume(subject, reached)}>
                Resume
              </Button>
              <Button
                aria-label={`Discard the draft for ${name || 'an unnamed customer'}`}
                onClick={() => {
                  void deleteDraft({ ...owner, subject }).then(() =>
                    setDrafts((current) => current?.filter((item) => item.subject !== subject)),
                  );
                }}
              >
                Discard
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The draft named in the URL, read once; then the wizard over it. */
function DraftWizard(props: {
  owner: Omit<DraftKey, 'subject'>;
  draftId: string;
  step: StepId | undefined;
  steps: readonly StepId[];
  addToList: (customer: CustomerListItem) => Promise<void> | void;
}) {
  const styles = useStyles();
  const navigate = route.useNavigate();
  const user = useCurrentUser();
  const resellers = useIndirectResellers();
  const organization = useOrganizationProfile();
  const config = useRuntimeConfig();
  const draftKey = useMemo(
    () => ({ ...props.owner, subject: props.draftId }),
    [props.owner, props.draftId],
  );
  const [draft, setDraft] = useState<{ found: Draft | undefined } | undefined>();
  useEffect(() => {
    let live = true;
    void readDraft(draftKey).then((found) => {
      if (live) setDraft({ found });
    });
    return () => {
      live = false;
    };
  }, [draftKey]);
  if (!draft) {
    return <Spinner size="small" labelPosition="after" label="Opening the draft…" />;
  }
  if (!draft.found) {
    return (
      <>
        <MessageBar intent="info" data-testid="draft-gone">
          <MessageBarBody>
            This onboarding is no longer here: the customer was created, or the draft was discarded
            or deleted at sign-out.
          </MessageBarBody>
        </MessageBar>
        <Button className={styles.back} onClick={() => void navigate({ search: {} })}>
          Start again
        </Button>
      </>
    );
  }
  const partnerDomains = [
    ...new Set(
      [user?.username.split('@')[1], organization.data?.domain].flatMap((domain) =>
        domain ? [domain.toLowerCase()] : [],
      ),
    ),
  ];
  return (
    <OnboardingWizard
      draftKey={draftKey}
      draft={draft.found}
      initialValues={onboardingValuesFromFlat(draft.found.values)}
      steps={props.steps}
      step={props.step}
      onStep={(step) =>
        void navigate({ search: { draft: props.draftId, step }, resetScroll: true })
      }
      resellers={resellers.data ?? []}
      partnerDomains={partnerDomains}
      agreementOffered={config.cloud === 'global' || config.cloud === 'local'}
      addToList={props.addToList}
      onDiscard={() => {
        void deleteDraft(draftKey).then(() => navigate({ search: {} }));
      }}
      onAnother={() => void navigate({ search: {} })}
    />
  );
}

/**
 * `/customers/new`: a new customer (the steps), or an existing Microsoft customer (the reseller
 * relationship link); unfinished onboardings to resume. Admin and Sales agents onboard.
 */
export function NewCustomerPage(props: {
  /** Puts a new customer into the saved customer list (the customers feature's, via the app). */
  addToList: (customer: CustomerListItem) => Promise<void> | void;
}) {
  const styles = useStyles();
  useDocumentTitle('New customer');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const mayCreate = useMay('createCustomers');
  const owner = useDraftOwner();
  const user = useCurrentUser();
  const config = useRuntimeConfig();
  const resellers = useIndirectResellers();
  const organization = useOrganizationProfile();
  const { country: partnerCountry, settled: countryKnown } = usePartnerCountry();
  const steps = stepsFor({
    hasResellers: (resellers.data?.length ?? 0) > 0,
    agreementOffered: config.cloud === 'global' || config.cloud === 'local',
  });

  const start = async () => {
    if (!owner) return;
    const id = globalThis.crypto.randomUUID();
    const values = emptyOnboardingValues(partnerCountry, defaultCulture(partnerCountry));
    const meta = metaOf(undefined);
    const first = steps[0] ?? 'company';
    await writeDraft(
      { ...owner, subject: id },
      {
        values: flatOnboardingValues(values),
        meta: { ...meta, reached: first },
        savedAt: Date.now(),
      },
    );
    await navigate({ search: { draft: id, step: first } });
  };

  let body;
  if (!mayCreate) {
    body = (
      <MessageBar intent="info" data-testid="onboarding-refused">
        <MessageBarBody>
          Your partner role does not let you add customers. {whoMay('createCustomers')} can onboard
          new customers.
        </MessageBarBody>
      </MessageBar>
    );
  } else if (resellers.isPending || !owner || !countryKnown) {
    body = <Spinner size="small" labelPosition="after" label="Getting ready…" />;
  } else if (resellers.isError) {
    // Without the list, the portal cannot ask which reseller: never guess "direct".
    body = (
      <RequestProblemNotice
        error={resellers.error}
        subject="your list of indirect resellers"
        onRetry={() => void resellers.refetch()}
      />
    );
  } else if (search.existing) {
    body = (
      <>
        <ExistingCustomerPanel
          resellers={resellers.data}
          partnerName={
            organization.data?.companyName ?? user?.tenantName ?? 'Your Microsoft partner'
          }
        />
        <Link to="/customers/new" search={{}}>
          Back to the start
        </Link>
      </>
    );
  } else if (search.draft) {
    body = (
      <DraftWizard
        key={search.draft}
        owner={owner}
        draftId={search.draft}
        step={search.step}
        steps={steps}
        addToList={props.addToList}
      />
    );
  } else {
    body = (
      <>
        <div className={styles.choices}>
          <section className={styles.choice} aria-labelledby="choice-new">
            <PersonAddRegular fontSize={28} aria-hidden />
            <Subtitle2 as="h2" id="choice-new" className={styles.choiceTitle}>
              A new Microsoft customer
            </Subtitle2>
            <Body1>
              The company has no Microsoft organization yet: create its tenant, billing profile and
              first admin account.
            </Body1>
            <Button appearance="primary" onClick={() => void start()}>
              Onboard a new customer
            </Button>
          </section>
          <section className={styles.choice} aria-labelledby="choice-existing">
            <BuildingMultipleRegular fontSize={28} aria-hidden />
            <Subtitle2 as="h2" id="choice-existing" className={styles.choiceTitle}>
              An existing Microsoft customer
            </Subtitle2>
            <Body1>
              The company already uses Microsoft 365, Azure or Dynamics: send it a reseller
              relationship request instead of creating it again.
            </Body1>
            <Button onClick={() => void navigate({ search: { existing: true } })}>
              Get the request link
            </Button>
          </section>
        </div>
        <UnfinishedDrafts
          owner={owner}
          onResume={(id, step) => void navigate({ search: { draft: id, step } })}
        />
      </>
    );
  }

  return (
    <section className={styles.page} aria-labelledby="new-customer-title">
      <header className={styles.header}>
        <Title2 as="h1" id="new-customer-title" className={styles.title}>
          {search.existing ? 'Existing Microsoft customer' : 'New customer'}
        </Title2>
      </header>
      {body}
    </section>
  );
}
