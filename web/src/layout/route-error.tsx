import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useT } from '../lib/i18n';

/** Last resort when a page throws while rendering. */
export function RouteError() {
  const t = useT();
  return (
    <Center h="80vh" px="md">
      <Stack align="center" ta="center" maw={420}>
        <Title order={1} fz={24}>
          {t('routeError.title')}
        </Title>
        <Text c="dimmed">{t('routeError.text')}</Text>
        <Button onClick={() => window.location.assign('/')}>{t('routeError.reload')}</Button>
      </Stack>
    </Center>
  );
}
