/** Vietnamese strings of the alert lists (the wall's ticker and the console's alert panel). */
export const viAlerts = {
  'ticker.more': '+{n} cảnh báo khác',

  'desk.alerts.filters': 'Lọc cảnh báo',
  'desk.alerts.state.active': 'Cần xử lý',
  'desk.alerts.state.open': 'Mới',
  'desk.alerts.state.acknowledged': 'Đã tiếp nhận',
  'desk.alerts.state.resolved': 'Đã xử lý',
  'desk.alerts.state.all': 'Tất cả',
  'desk.alerts.severity': 'Mức độ',
  'desk.alerts.severity.all': 'Mọi mức độ',
  'desk.alerts.subsystem': 'Lĩnh vực',
  'desk.alerts.subsystem.all': 'Mọi lĩnh vực',
  'desk.alerts.search': 'Tìm kiếm',
  'desk.alerts.search.placeholder': 'Nội dung, địa bàn…',
  'desk.alerts.clearFilters': 'Bỏ lọc',
  'desk.alerts.noneMatch': 'Không có cảnh báo nào phù hợp với bộ lọc',
  'desk.alerts.moreRows': 'Còn {n} cảnh báo khác: thu hẹp bộ lọc để xem',
} as const;
