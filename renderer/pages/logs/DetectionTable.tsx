import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { encodingLabel, formatLabel } from './labels.js';

export interface DetectionTableProps {
  /** null: no format could be chosen (a preview of an unknown file). */
  format: string | null;
  formatReason: string;
  encoding: string;
  encodingReason: string;
  mb?: string;
}

/** Which format and encoding a file was read with, and why: after an import and in a source's preview. */
export function DetectionTable({ format, formatReason, encoding, encodingReason, mb }: DetectionTableProps) {
  const { t } = useTranslation();
  return (
    <Table variant="vertical" layout="fixed" fz="sm" withRowBorders={false} verticalSpacing={2} withTableBorder={false} {...(mb !== undefined && { mb })}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={110} bg="transparent" fw={500} c="dimmed">
            {t('logs.result.format')}
          </Table.Th>
          <Table.Td>
            {format !== null ? (
              <Badge variant="light" color="indigo" mr="xs" tt="none">
                {formatLabel(format, t)}
              </Badge>
            ) : (
              <Badge variant="light" color="red" mr="xs" tt="none">
                {t('logs.preview.noFormat')}
              </Badge>
            )}
            <Text span size="xs" c="dimmed">
              {formatReason}
            </Text>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th bg="transparent" fw={500} c="dimmed">
            {t('logs.result.encoding')}
          </Table.Th>
          <Table.Td>
            <Badge variant="light" color="gray" mr="xs" tt="none">
              {encodingLabel(encoding)}
            </Badge>
            <Text span size="xs" c="dimmed">
              {encodingReason}
            </Text>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
