import { Button, type ButtonProps } from '@fluentui/react-components';
import { createLink } from '@tanstack/react-router';
import { forwardRef } from 'react';

type AnchorButtonProps = Omit<Extract<ButtonProps, { as: 'a' }>, 'as'>;

const AnchorButton = forwardRef<HTMLAnchorElement, AnchorButtonProps>(
  function AnchorButton(props, ref) {
    return <Button {...props} as="a" ref={ref} />;
  },
);

/**
 * A router link that looks like a Fluent button: a real link (open in a new tab works), with
 * the router's typed `to` and `params`, preloading on intent like every other link.
 */
export const ButtonLink = createLink(AnchorButton);
