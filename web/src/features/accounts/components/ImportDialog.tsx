import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { type ImportReport, templateUrl, useImportAccounts } from '../api/accounts';

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/**
 * Template download, then a dry run of the chosen file listing every row's problems; only a file without
 * problems can be imported, all at once. The new accounts' temporary passwords are shown once at the end.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const check = useImportAccounts();
  const commit = useImportAccounts();
  const [file, setFile] = useState<string | null>(null);
  const report: ImportReport | undefined = check.data;
  const created = commit.data?.created ?? [];
  const close = () => {
    check.reset();
    commit.reset();
    setFile(null);
    onClose();
  };
  const choose = async (f: File) => {
    commit.reset();
    const content = await toBase64(f);
    setFile(content);
    check.mutate({ file: content, dryRun: true });
    return false;
  };
  const text = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
  return (
    <Modal
      open={open}
      title={t('accounts.import.title')}
      onCancel={close}
      footer={null}
      width={760}
      destroyOnHidden
    >
      {created.length > 0 ? (
        <div data-testid="import-done">
          <Alert
            type="success"
            showIcon
            title={t('accounts.import.done', { n: created.length })}
            style={{ marginBottom: 12 }}
          />
          <Typography.Paragraph
            copyable={{ text: created.map((c) => `${c.username}\t${c.temporaryPassword}`).join('\n') }}
          >
            {t('accounts.import.copy')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="username"
            pagination={false}
            scroll={{ y: 320 }}
            dataSource={created}
            columns={[
              { title: t('accounts.username'), dataIndex: 'username' },
              {
                title: t('accounts.tempPassword.title'),
                dataIndex: 'temporaryPassword',
                render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
              },
            ]}
          />
          <Button type="primary" onClick={close} style={{ marginTop: 12 }}>
            {t('accounts.import.close')}
          </Button>
        </div>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('accounts.import.step1')}</Typography.Text>
          <Button href={templateUrl()} data-testid="import-template">
            {t('accounts.import.template')}
          </Button>
          <Typography.Text>{t('accounts.import.step2')}</Typography.Text>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={choose}
          >
            <Button loading={check.isPending} data-testid="import-choose">
              {t('accounts.import.choose')}
            </Button>
          </Upload>
          {check.isError && <ErrorAlert error={check.error} />}
          {commit.isError && <ErrorAlert error={commit.error} />}
          {report && (
            <div data-testid="import-report">
              <Alert
                type={report.invalid ? 'warning' : 'success'}
                showIcon
                title={t('accounts.import.checked', { valid: report.valid, invalid: report.invalid })}
                description={report.invalid ? t('accounts.import.fix') : undefined}
                style={{ margin: '8px 0' }}
              />
              <Table
                size="small"
                rowKey="row"
                pagination={false}
                scroll={{ y: 280 }}
                dataSource={[...report.rows].sort(
                  (a, b) => b.problems.length - a.problems.length || a.row - b.row,
                )}
                columns={[
                  { title: t('accounts.import.row'), dataIndex: 'row', width: 64 },
                  { title: t('accounts.username'), dataIndex: 'username', width: 160 },
                  {
                    title: t('accounts.import.problems'),
                    render: (_v, r) =>
                      r.problems.length ? (
                        <Typography.Text type="danger">
                          {r.problems.map((p) => `${p.field}：${text(p.message)}`).join('；')}
                        </Typography.Text>
                      ) : (
                        <Typography.Text type="success">{t('accounts.import.ok')}</Typography.Text>
                      ),
                  },
                ]}
              />
              {report.invalid === 0 && file && (
                <Button
                  type="primary"
                  style={{ marginTop: 12 }}
                  loading={commit.isPending}
                  data-testid="import-commit"
                  onClick={() => commit.mutate({ file, dryRun: false })}
                >
                  {t('accounts.import.commit', { n: report.valid })}
                </Button>
              )}
            </div>
          )}
        </Space>
      )}
    </Modal>
  );
}
