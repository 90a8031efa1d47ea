/**
 * Vietnamese strings, the source of truth: every other language must have exactly these keys.
 * `{name}` marks a value filled in by `t()`.
 */
export const vi = {
  'app.title.full': 'Trung tâm Giám sát, Điều hành Đô thị thông minh tỉnh Bà Rịa – Vũng Tàu',
  'app.title.short': 'IOC Bà Rịa – Vũng Tàu',

  'connection.live': 'Trực tuyến',
  'connection.connecting': 'Đang kết nối',
  'connection.offline': 'Mất kết nối',
  'connection.bridgeDown': 'Mất kết nối tới máy chủ ứng dụng',

  'age.justNow': 'vừa xong',
  'age.seconds': '{n} giây trước',
  'age.minutes': '{n} phút trước',
  'age.hours': '{n} giờ trước',
  'age.days': '{n} ngày trước',

  'tile.updated': 'cập nhật {age}',
  'tile.noData': 'Chưa có dữ liệu',
  'tile.stale.warn': 'Dữ liệu chậm',
  'tile.stale.critical': 'Mất dữ liệu',

  'kpi.target': 'Mục tiêu {target}',
  'kpi.notFound': 'Không tìm thấy chỉ số "{id}"',

  'camera.notFound': 'Không tìm thấy camera "{id}"',
  'camera.state.loading': 'Đang kết nối',
  'camera.state.live': 'Trực tiếp',
  'camera.state.stalled': 'Tín hiệu gián đoạn',
  'camera.state.offline': 'Camera ngoại tuyến',
  'camera.state.error': 'Lỗi phát hình',
  'camera.retrying': 'Đang thử lại (lần {n})',
  'camera.unsupported': 'Trình duyệt không phát được luồng HLS',
  'camera.lastFrame': 'khung hình cuối {age}',
  'camera.noFrame': 'chưa có hình',

  'ticker.title': 'Cảnh báo & sự kiện',
  'ticker.empty': 'Chưa có cảnh báo nào',
  'severity.info': 'Thông tin',
  'severity.warning': 'Cảnh báo',
  'severity.critical': 'Khẩn cấp',

  'wall.loading': 'Đang tải màn hình {id}…',
  'wall.notFound.title': 'Không mở được màn hình "{id}"',
  'wall.notFound.hint': 'Kiểm tra mã màn hình trong tệp cấu hình, hoặc mở bảng điều khiển để xem danh sách màn hình.',
  'wall.openConsole': 'Mở bảng điều khiển',

  'console.title': 'Bảng điều khiển vận hành',
  'console.walls': 'Màn hình hiển thị',
  'console.noWalls': 'Chưa cấu hình màn hình nào',
  'console.browserWall': 'Mở bằng trình duyệt kiosk (chế độ trình duyệt)',
  'console.noDisplay': 'không có màn hình',
  'console.display': 'Màn hình vật lý: {label}',
  'console.grid': 'Lưới {cols} × {rows} · {n} ô',
  'console.layout': 'Bố cục: {name}',
  'console.openWall': 'Mở trong trình duyệt',
  'console.configErrors': 'Tệp cấu hình có {n} lỗi',
  'console.configErrors.hint': 'Ứng dụng đang dùng giá trị mặc định cho các mục dưới đây. Sửa tệp cấu hình rồi khởi động lại.',
  'console.connection': 'Kết nối hub dữ liệu',
  'console.hubUrl': 'Địa chỉ hub',
  'console.since': 'Trạng thái từ',
  'console.rejected': 'Tin bị hub từ chối',
  'console.invalid': 'Dữ liệu không hợp lệ tại giao diện',
  'console.lastError': 'Lỗi gần nhất',
  'console.kpis': 'Chỉ số mới nhất theo lĩnh vực',
  'console.noKpis': 'Chưa nhận chỉ số nào từ hub',
  'console.version': 'Phiên bản {version}',
  'console.mode.electron': 'Ứng dụng máy tính',
  'console.mode.browser': 'Chế độ trình duyệt',
  'console.hub.embedded': 'Hub demo nhúng',
  'console.hub.remote': 'Hub của tỉnh',
  'console.loadFailed': 'Không tải được: {error}',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
/** A full translation: the compiler rejects a language that misses or adds a key. */
export type Messages = { readonly [K in MessageKey]: string };
