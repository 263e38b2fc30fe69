import type { GriffelStyle } from '@fluentui/react-components';

/** Read by screen readers, invisible on screen: for announcements and words the layout implies. */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};
