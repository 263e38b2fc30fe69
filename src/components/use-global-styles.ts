import { makeStaticStyles } from '@fluentui/react-components';

/** The few document-level rules Fluent leaves to the app. */
export const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});
