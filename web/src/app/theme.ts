import type { ThemeConfig } from 'antd';

// antd's grey texts (#00000073 for secondary/description, #00000040 for placeholders), its link blue (#1677ff, 4.1:1)
// and its red (#ff4d4f, 3.3:1) fall below WCAG AA 4.5:1; these keep at least 4.6:1 on #f0f0f0.
export const theme: ThemeConfig = {
  // A fixed key (not React's useId) so the CSS extracted at build time names the same class the app renders.
  cssVar: { key: 'css-var-gg' },
  hashed: false,
  token: {
    colorPrimary: '#1f5fbf',
    colorInfo: '#1f5fbf',
    colorLink: '#1f5fbf',
    colorError: '#c41d1f',
    colorSuccess: '#2f7d12',
    colorWarning: '#ad5a00',
    borderRadius: 6,
    colorTextSecondary: '#4d4d4d',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6b6b6b',
  },
  components: { Layout: { headerBg: '#0f3a75', siderBg: '#ffffff' } },
};
