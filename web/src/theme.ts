import type { ThemeConfig } from 'antd';

/** Government red on white; the red is dark enough for white text at AA contrast. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#a4161a',
    colorLink: '#a4161a',
    // Darker than antd's default so red links and text on white reach 4.5:1.
    colorError: '#cf1322',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    // antd's default secondary grey is too pale for small text on white (WCAG AA needs 4.5:1).
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
  components: {
    Layout: { headerBg: '#a4161a', siderBg: '#ffffff', bodyBg: '#f5f5f5' },
    Menu: { itemSelectedBg: '#fbeaea', itemSelectedColor: '#a4161a' },
  },
};
