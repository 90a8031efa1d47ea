/** Vietnamese strings of the outage state: the wall's band, and why a camera has no picture. */
export const viOutage = {
  'outage.hub': 'Mất kết nối tới máy chủ dữ liệu lúc {time}',
  'outage.host': 'Mất kết nối tới máy chủ ứng dụng lúc {time}',
  'outage.hub.noTime': 'Mất kết nối tới máy chủ dữ liệu',
  'outage.host.noTime': 'Mất kết nối tới máy chủ ứng dụng',
  'outage.cached': 'đang hiển thị dữ liệu lưu tạm',
  'outage.noCache': 'chưa có dữ liệu lưu tạm',
  'outage.duration': 'Gián đoạn {duration}',
  'outage.reconnecting': 'Đang tự kết nối lại',

  'camera.cause.camera.badge': 'Camera ngoại tuyến',
  'camera.cause.camera': 'Camera ngoại tuyến',
  'camera.cause.camera.registry': 'Trung tâm ghi nhận camera ngừng hoạt động',
  'camera.cause.camera.status': 'Máy chủ hình ảnh báo không có tín hiệu từ camera · đang thử lại',
  'camera.cause.media.badge': 'Mất kết nối hình ảnh',
  'camera.cause.media': 'Không kết nối được máy chủ hình ảnh',
  'camera.cause.media.detail': 'Camera có thể vẫn hoạt động · đang thử kết nối lại',
  'camera.cause.host.badge': 'Mất kết nối máy chủ',
  'camera.cause.host': 'Mất kết nối tới máy chủ ứng dụng',
  'camera.cause.host.detail': 'Hình ảnh tự hiển thị lại khi có kết nối',
} satisfies Record<string, string>;
