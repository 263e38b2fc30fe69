import { useEffect } from 'react';

const PRODUCT = 'Partner Customers Portal';

export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);
}
