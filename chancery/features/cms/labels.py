"""Vietnamese labels and help texts of the editor's fields (Decap shows field names else).

Labels are keyed by the schema's field name; a name not listed is shown as written in the
schema (``in_force`` as "in force"), so a new field is never left without a label.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    "title": "Tiêu đề", "date": "Ngày", "updated": "Cập nhật lúc", "categories": "Chuyên mục",
    "tags": "Từ khóa", "summary": "Tóm tắt", "image": "Ảnh", "src": "Tệp ảnh",
    "alt": "Mô tả ảnh", "author": "Tác giả", "draft": "Bản nháp", "expires": "Hết hạn lúc",
    "translation_key": "Khóa bản dịch", "slug": "Đường dẫn", "body": "Nội dung",
    "source_hash": "Phiên bản nguồn", "description": "Mô tả", "weight": "Thứ tự",
    "hide": "Ẩn", "search": "Tìm kiếm", "services": "Dịch vụ", "id": "Mã", "kind": "Loại",
    "offered": "Có cung cấp", "audience": "Đối tượng", "documents": "Hồ sơ cần nộp",
    "fees": "Lệ phí", "label": "Tên", "amount": "Số tiền", "currency": "Tiền tệ",
    "in_force": "Áp dụng từ", "processing": "Thời gian xử lý", "days": "Ngày",
    "from_days": "Từ (ngày)", "note": "Ghi chú", "how_to_apply": "Cách nộp hồ sơ",
    "how_to_pay": "Cách thanh toán", "online": "Nộp trực tuyến", "appointment": "Đặt lịch hẹn",
    "forms": "Mẫu đơn", "file": "Tệp", "fields": "Các mục", "hint": "Gợi ý",
    "legal_basis": "Căn cứ pháp lý", "url": "Địa chỉ web", "review_by": "Rà soát trước ngày",
    "timezone": "Múi giờ", "office": "Giờ làm việc", "consular": "Giờ tiếp công dân",
    "opens": "Mở cửa", "closes": "Đóng cửa", "holidays": "Ngày lễ", "vietnam": "Lễ Việt Nam",
    "host": "Lễ nước sở tại", "subdivision": "Vùng", "open_on": "Làm việc vào ngày lễ",
    "names": "Tên ngày lễ", "closures": "Ngày nghỉ", "start": "Bắt đầu", "end": "Kết thúc",
    "reason": "Lý do", "alerts": "Cảnh báo", "severity": "Mức độ", "link": "Liên kết",
    "established": "Thiết lập quan hệ", "partnership": "Khuôn khổ quan hệ",
    "level": "Cấp độ", "since": "Từ", "name": "Tên", "earlier": "Khuôn khổ trước đây",
    "agreements": "Hiệp định", "signed": "Ký ngày", "visits": "Chuyến thăm",
    "to": "Nước được thăm", "role": "Chức vụ", "short_name": "Tên ngắn",
    "host_country": "Nước sở tại", "languages": "Ngôn ngữ", "site_url": "Địa chỉ trang",
    "address": "Địa chỉ", "street": "Đường", "postal_code": "Mã bưu chính",
    "city": "Thành phố", "country": "Quốc gia", "geo": "Tọa độ", "lat": "Vĩ độ",
    "lon": "Kinh độ", "hotline": "Đường dây nóng", "phones": "Điện thoại",
    "number": "Số", "emails": "Thư điện tử", "jurisdiction": "Địa bàn",
    "social": "Mạng xã hội", "network": "Mạng", "publish": "Xuất bản (HQ)",
}

HINTS: dict[str, str] = {
    "source_hash": "ghi bởi build.py translated; không sửa",
    "translation_key": "để trống: các bản dịch cùng tên tệp là một bài",
    "slug": "để trống: lấy từ tiêu đề",
    "publish": "do HQ khai báo; không sửa ở đây",
    "names": "sửa trực tiếp trong tệp hours.yml",
    "search": "sửa trực tiếp trong tệp",
    "draft": "bài nháp không được đăng",
}


def label_for(name: str) -> str:
    return LABELS.get(name, name.replace("_", " "))


def hint_for(name: str) -> str | None:
    return HINTS.get(name)
