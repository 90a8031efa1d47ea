/** Vietnamese strings for the wall's reading aids (issue 12): the enlarged view's way back. */
export const viLegibility = {
  'wall.enlarged.hint': 'Đang phóng to một ô',
  'wall.enlarged.back': 'để trở về màn hình chung',
} satisfies Record<string, string>;
