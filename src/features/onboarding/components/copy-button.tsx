import { Button, type ButtonProps } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';

/** Copies a text to the clipboard and says so for a moment, to the eye and to screen readers. */
export function CopyButton(props: {
  text: () => string;
  label: string;
  copiedLabel?: string;
  appearance?: ButtonProps['appearance'];
}) {
  const { text, label, copiedLabel, appearance } = props;
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(undefined), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      appearance={appearance}
      icon={copied === 'yes' ? <CheckmarkRegular /> : <CopyRegular />}
      onClick={() => {
        navigator.clipboard.writeText(text()).then(
          () => setCopied('yes'),
          () => setCopied('failed'),
        );
      }}
    >
      <span aria-live="polite">
        {copied === 'yes'
          ? (copiedLabel ?? 'Copied')
          : copied === 'failed'
            ? 'Copy failed: select and copy by hand'
            : label}
      </span>
    </Button>
  );
}
