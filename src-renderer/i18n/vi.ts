import { viLegibility } from './vi-legibility';
import { viAccess } from './vi-access';
import { viMap } from './vi-map';
import { viShell } from './vi-shell';
import { viConsole } from './vi-console';
import { viKeys } from './vi-keys';
import { viAlerts } from './vi-alerts';
import { viOutage } from './vi-outage';
import { viLang } from './vi-lang';

/**
 * Vietnamese strings, the source of truth: every other language must have exactly these keys.
 * `{name}` marks a value filled in by `t()`.
 */
export const vi = {
  'app.title.full': 'Trung tâm Giám sát, Điều hành Đô thị thông minh tỉnh Bà Rịa – Vũng Tàu',
  'app.title.short': 'IOC Bà Rịa – Vũng Tàu',

  'connection.live': 'Trực tuyến',
  'connection.connecting': 'Đang kết nối',
  'connection.resyncing': 'Đang đồng bộ',
  'connection.offline': 'Mất kết nối — đang hiển thị dữ liệu lưu tạm',
  'connection.offlineEmpty': 'Mất kết nối — chưa có dữ liệu lưu tạm',
  'connection.bridgeDown': 'Mất kết nối tới máy chủ ứng dụng',

  'age.justNow': 'vừa xong',
  'age.ago': '{duration} trước',
  'duration.seconds': '{n} giây',
  'duration.minutes': '{n} phút',
  'duration.hours': '{n} giờ',
  'duration.days': '{n} ngày',

  'tile.updated': 'cập nhật {age}',
  'tile.noData': 'Chưa có dữ liệu',
  'tile.stale': 'Dữ liệu cũ',
  'tile.stale.hint': 'đã quá {limit} chưa có số liệu mới',
  'tile.stale.over': 'quá {limit}',

  'kpi.target': 'Mục tiêu {target}',
  'kpi.notFound': 'Không tìm thấy chỉ số "{id}"',
  'kpi.inDistrict': '{name} – {district}',

  'camera.notFound': 'Không tìm thấy camera "{id}"',
  'camera.state.loading': 'Đang kết nối',
  'camera.state.live': 'Trực tiếp',
  'camera.state.stalled': 'Tín hiệu gián đoạn',
  'camera.state.offline': 'Camera ngoại tuyến',
  'camera.state.error': 'Lỗi phát hình',
  'camera.state.suspended': 'Tạm dừng phát hình',
  'camera.retrying': 'Đang thử lại (lần {n})',
  'camera.unsupported': 'Trình duyệt này không phát được hình camera',
  'camera.lastFrame': 'khung hình cuối {age}',
  'camera.noFrame': 'chưa có hình',
  'camera.probing': 'Đang kiểm tra lại tín hiệu; hình sẽ tự hiện lại khi có tín hiệu',
  'camera.still.budget': 'Ảnh tĩnh · vượt số camera phát cùng lúc',
  'camera.still.hidden': 'Ảnh tĩnh',
  'camera.still.lastFrame': 'Khung hình cuối',
  'camera.snapshot.saved': 'Đã lưu ảnh: {file}',
  'camera.snapshot.failed': 'Không lưu được ảnh: {reason}',
  'tour.title': 'Tuần tra camera',
  'tour.position': 'Tuần tra {n}/{count}',
  'tour.paused': 'Tạm dừng',
  'tour.heldByAlert': 'Đang dừng để theo dõi cảnh báo',

  'ticker.title': 'Cảnh báo và sự kiện',
  'ticker.empty': 'Chưa có cảnh báo nào',
  'severity.info': 'Thông tin',
  'severity.warning': 'Cảnh báo',
  'severity.critical': 'Khẩn cấp',
  'alert.status.open': 'Mới',
  'alert.status.acknowledged': 'Đã tiếp nhận',
  'alert.status.resolved': 'Đã xử lý',

  'wall.loading': 'Đang tải màn hình {id}…',
  'wall.notFound.title': 'Không mở được màn hình "{id}"',
  'wall.notFound.hint': 'Đề nghị kiểm tra mã màn hình trong tệp cấu hình, hoặc mở bảng điều khiển để xem danh sách màn hình.',
  'wall.refused.title': 'Màn hình "{id}" chưa được phép kết nối',
  'wall.refused.hint': 'Địa chỉ này thiếu mã truy cập của màn hình hoặc mã không đúng. Đề nghị mở màn hình bằng đường dẫn do máy chủ cung cấp khi khởi động, hoặc từ danh sách màn hình trên bảng điều khiển.',
  'wall.openConsole': 'Mở bảng điều khiển',

  'console.title': 'Bảng điều khiển vận hành',
  'console.presets': 'Kịch bản hiển thị theo cuộc họp',
  'console.presetActive': 'Đang hiển thị',
  'console.presetFailed': 'Không áp dụng được kịch bản: {error}',
  'console.walls': 'Màn hình hiển thị',
  'console.noWalls': 'Chưa cấu hình màn hình nào',
  'console.browserWall': 'Hiển thị bằng trình duyệt chuyên dụng (chế độ trình duyệt)',
  'console.noDisplay': 'không có màn hình',
  'console.display': 'Màn hình vật lý: {label}',
  'console.grid': 'Lưới {cols} × {rows} · {n} ô',
  'console.layout': 'Bố cục: {name}',
  'console.openWall': 'Mở trong trình duyệt',
  'console.configErrors': 'Tệp cấu hình có {n} lỗi',
  'console.configErrors.hint': 'Ứng dụng đang dùng giá trị mặc định cho các mục dưới đây. Đề nghị sửa tệp cấu hình rồi khởi động lại ứng dụng.',
  'console.connection': 'Kết nối máy chủ dữ liệu',
  'console.hubUrl': 'Địa chỉ máy chủ dữ liệu',
  'console.since': 'Ở trạng thái này từ',
  'console.hubId': 'Mã máy chủ dữ liệu',
  'console.seq': 'Số thứ tự bản tin',
  'console.rejected': 'Bản tin bị từ chối',
  'console.cache': 'Dữ liệu lưu tạm trên máy',
  'console.cache.ok': 'Bình thường',
  'console.cache.rebuilt': 'Đã tạo lại (tệp cũ bị hỏng)',
  'console.cache.unavailable': 'Không sử dụng được — dữ liệu chỉ giữ trong bộ nhớ',
  'console.invalid': 'Bản tin không hợp lệ đã bị loại',
  'console.lastError': 'Lỗi gần nhất',
  'console.kpis': 'Số liệu mới nhất theo lĩnh vực',
  'console.noKpis': 'Chưa nhận được số liệu nào từ máy chủ dữ liệu',
  'digest.reportsOpen': 'Phản ánh chưa xử lý xong (trong {n} phản ánh gần nhất)',
  'digest.aqi': 'Không khí – {station}',
  'digest.pm25': 'Bụi PM2.5 – {station}',
  'digest.waterLevel': 'Mực nước – {station}',
  'digest.dossierOnTime': 'Hồ sơ đúng hạn ngày {date} ({onTime}/{resolved} hồ sơ, {n} đơn vị)',
  'digest.securityOpen': 'Sự kiện an toàn thông tin chưa xử lý',
  'digest.securityOpen.value': '{n} ({critical} khẩn cấp)',
  'digest.negativeMentions': 'Tin tiêu cực ({n} tin gần nhất)',
  'digest.camerasOnline': 'Camera trực tuyến',
  'console.version': 'Phiên bản {version}',
  'console.mode.electron': 'Ứng dụng máy tính',
  'console.mode.browser': 'Chế độ trình duyệt',
  'console.hub.embedded': 'Máy chủ dữ liệu mô phỏng',
  'console.hub.remote': 'Máy chủ dữ liệu của tỉnh',
  'console.loadFailed': 'Không tải được: {error}',
  ...viKeys,
  ...viConsole,
  ...viAccess,
  ...viMap,
  ...viShell,
  ...viLegibility,
  ...viAlerts,
  ...viOutage,
  ...viLang,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
/** A full translation: the compiler rejects a language that misses or adds a key. */
export type Messages = { readonly [K in MessageKey]: string };
