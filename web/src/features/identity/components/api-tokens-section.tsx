import type { ApiToken } from '@gatehouse/contracts';
import { Alert, Button, Code, CopyButton, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { endOfDayIso, formatDate, todayInput } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/hooks';
import { useLocale, useT } from '../../../lib/i18n';
import { ConfirmButton } from '../../../ui/confirm-button';
import { type Column, DataTable } from '../../../ui/data-table';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorAlert } from '../../../ui/error-alert';
import { FormError } from '../../../ui/form-error';
import { Icon } from '../../../ui/icons';
import classes from '../../../ui/ui.module.css';
import { Section } from './section';

export function ApiTokensSection() {
  const t = useT();
  const { locale } = useLocale();
  const tokens = useApiQuery('listTokens');
  const revoke = useApiMutation('revokeToken', { invalidates: ['listTokens'] });

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('tokens.name'), primary: true, render: (token) => <Text fw={500}>{token.name}</Text> },
    { key: 'prefix', nowrap: true, header: t('tokens.prefix'), render: (token) => <Code>{token.prefix}…</Code> },
    {
      key: 'created',
      nowrap: true,
      header: t('tokens.created'),
      render: (token) => formatDate(token.createdAt, locale),
    },
    {
      key: 'expires',
      nowrap: true,
      header: t('tokens.expires'),
      render: (token) => (token.expiresAt ? formatDate(token.expiresAt, locale) : t('tokens.never')),
    },
    {
      key: 'used',
      nowrap: true,
      header: t('tokens.lastUsed'),
      render: (token) => (token.lastUsedAt ? formatDate(token.lastUsedAt, locale) : t('tokens.neverUsed')),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (token) => (
        <ConfirmButton
          size="xs"
          variant="light"
          color="red"
          aria-label={t('tokens.revokeNamed', { name: token.name })}
          title={t('tokens.revokeTitle', { name: token.name })}
          message={t('tokens.revokeText')}
          confirmLabel={t('tokens.revoke')}
          onConfirm={() => revoke.mutateAsync({ params: { id: token.id } })}
        >
          {t('tokens.revoke')}
        </ConfirmButton>
      ),
    },
  ];

  return (
    <Section title={t('tokens.title')} text={t('tokens.text')}>
      <CreateTokenForm />
      {tokens.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={tokens.error} />
      {tokens.data && (
        <DataTable
          label={t('tokens.title')}
          columns={columns}
          rows={tokens.data.tokens}
          rowKey={(token) => token.id}
          empty={<EmptyState icon="key" title={t('tokens.emptyTitle')} text={t('tokens.emptyText')} />}
        />
      )}
    </Section>
  );
}

function CreateTokenForm() {
  const t = useT();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const create = useApiMutation('createToken', {
    invalidates: ['listTokens'],
    onSuccess: () => {
      setName('');
      setExpires('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ body: { name, expiresAt: endOfDayIso(expires) } });
  };

  return (
    <Stack gap="sm">
      {create.data && (
        <Alert
          color="teal"
          icon={<Icon name="key" />}
          title={t('tokens.createdTitle')}
          role="status"
          classNames={{ body: classes.alertBody }}
        >
          <Stack gap="xs">
            <Text fz="sm">{t('tokens.createdText')}</Text>
            <Code block className={classes.code} data-testid="token-secret">
              {create.data.secret}
            </Code>
            <Group gap="xs">
              <CopyButton value={create.data.secret}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy} leftSection={<Icon name="copy" size={14} />}>
                    {copied ? t('common.copied') : t('tokens.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="subtle" onClick={() => create.reset()}>
                {t('tokens.hideSecret')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="md">
          <TextInput
            label={t('tokens.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            maxLength={100}
            style={{ flex: '1 1 220px' }}
          />
          <TextInput
            label={t('tokens.expiresOn')}
            type="date"
            min={todayInput()}
            value={expires}
            onChange={(event) => setExpires(event.currentTarget.value)}
            style={{ flex: '0 1 180px' }}
          />
          <Button type="submit" loading={create.isPending} leftSection={<Icon name="plus" size={16} />}>
            {t('tokens.create')}
          </Button>
        </Group>
        <FormError error={create.error} />
      </form>
    </Stack>
  );
}
