import { ActionIcon, CloseButton, Kbd, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../../lib/i18n';
import { Icon } from '../../../ui/icons';
import classes from '../search.module.css';
import { readSearchFilters, searchHref } from '../search-params';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The search field of the header. `/` (outside a text field) and Ctrl+K / ⌘+K focus it from anywhere; Enter opens
 * the results page. On phones it hides behind an icon button and covers the header while open.
 */
export function SearchBox() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = location.pathname === '/search';
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // On the results page the field shows the words searched; elsewhere it starts empty.
  useEffect(() => setValue(onSearchPage ? (params.get('q') ?? '') : ''), [onSearchPage, params]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut =
        ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') ||
        (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target));
      if (!shortcut) return;
      event.preventDefault();
      setOpen(true);
      // The phone field is rendered once `open` is set: focus on the next frame.
      requestAnimationFrame(() => input.current?.focus());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (!q) return;
    // A new search keeps the filters of the one on screen: refining words should not lose the chosen space.
    const filters = onSearchPage ? readSearchFilters(params) : { q };
    navigate(searchHref({ ...filters, q }));
    setOpen(false);
    input.current?.blur();
  };

  return (
    <div className={classes.area}>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        hiddenFrom="sm"
        aria-label={t('search.open')}
        aria-expanded={open}
        aria-controls="header-search"
        onClick={() => {
          setOpen(true);
          requestAnimationFrame(() => input.current?.focus());
        }}
      >
        <Icon name="search" size={20} />
      </ActionIcon>
      <search id="header-search" className={classes.box} data-open={open || undefined} aria-label={t('search.box')}>
        <form onSubmit={submit} className={classes.boxForm}>
          <TextInput
            ref={input}
            type="search"
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            onBlur={() => setOpen(false)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                setOpen(false);
                event.currentTarget.blur();
              }
            }}
            aria-label={t('search.box')}
            aria-description={t('search.boxHint')}
            placeholder={t('search.boxPlaceholder')}
            leftSection={<Icon name="search" size={16} />}
            rightSectionWidth={open ? 40 : 36}
            rightSection={
              open ? (
                <CloseButton hiddenFrom="sm" aria-label={t('search.close')} onClick={() => setOpen(false)} />
              ) : (
                <Kbd size="xs" visibleFrom="sm" aria-hidden>
                  /
                </Kbd>
              )
            }
            classNames={{ root: classes.boxRoot }}
            data-testid="header-search"
          />
        </form>
      </search>
    </div>
  );
}
