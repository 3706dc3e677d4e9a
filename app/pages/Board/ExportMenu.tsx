import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileText, IconJson, IconPrinter, IconTable } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ExportFormat } from '../../../contract/export.js';
import { api } from '../../api/endpoints.js';

const FILES: { format: ExportFormat; label: string; icon: typeof IconFileText }[] = [
  { format: 'markdown', label: 'Document (Markdown)', icon: IconFileText },
  { format: 'json', label: 'Everything (JSON)', icon: IconJson },
  { format: 'contributions-csv', label: 'Notes (CSV)', icon: IconTable },
  { format: 'links-csv', label: 'Links (CSV)', icon: IconTable },
];

/** Take the inquiry away as a file: what you can see on the board, with anonymous notes still anonymous. */
export function ExportMenu({ inquiryId }: { inquiryId: string }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} style={{ flexShrink: 0 }}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Download what you can see</Menu.Label>
        {FILES.map(({ format, label, icon: Icon }) => (
          <Menu.Item
            key={format}
            component="a"
            href={api.exportUrl(inquiryId, format)}
            download
            leftSection={<Icon size={16} aria-hidden />}
          >
            {label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          component={Link}
          to={`/i/${inquiryId}/print`}
          leftSection={<IconPrinter size={16} aria-hidden />}
        >
          Print or save as PDF
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
