/** Keeps the browser tab's title in step with the page and the language. */
import { useEffect } from 'react';

/** Sets `document.title` to "<title> · Kehu" while the calling page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Kehu` : 'Kehu';
  }, [title]);
}
