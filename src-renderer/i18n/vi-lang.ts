/** Vietnamese strings of the language switch and of the units and names the UI words itself. */
export const viLang = {
  'language.switch': 'Ngôn ngữ hiển thị trên mọi màn hình',
  'language.switch.hint': 'Đổi ngôn ngữ hiển thị cho mọi màn hình và bảng điều khiển',
  'language.switch.viewer': 'Tài khoản theo dõi không đổi được ngôn ngữ hiển thị',
  'language.name.vi': 'Tiếng Việt',
  'language.name.en': 'Tiếng Anh',
  'language.failed': 'Không đổi được ngôn ngữ: {error}',
  'tile.updatedJustNow': 'vừa cập nhật',
} satisfies Record<string, string>;
