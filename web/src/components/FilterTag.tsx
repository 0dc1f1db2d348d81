import { Tag } from 'antd';

/** A removable tag for a filter that came from a link (e.g. "houses at address #12"). */
export function FilterTag({ label, onClose }: { label: string; onClose: () => void }) {
  return (
    <Tag
      closable
      color="processing"
      onClose={(e) => {
        e.preventDefault();
        onClose();
      }}
      style={{ paddingBlock: 4 }}
    >
      {label}
    </Tag>
  );
}
