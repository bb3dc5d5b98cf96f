// Vietnamese and English text for the sample pages (Vietnamese by default). Each sample adds its own strings with
// addStrings(); elements with data-i18n="key" get their text from here, data-i18n-placeholder their placeholder.
// SPDX-License-Identifier: Apache-2.0

const strings = {
    vi: {
        'lang.switch': 'English',
        'agent.checking': 'Đang kết nối đầu đọc…',
        'agent.ready': 'Đầu đọc sẵn sàng',
        'agent.down': 'Chưa kết nối đầu đọc',
        'key.label': 'Quét mã QR trên thẻ, hoặc nhập số định danh (12 số)',
        'key.placeholder': 'Quét QR hoặc gõ 12 số',
        'key.read': 'Đọc thẻ',
        'key.camera': 'Quét QR bằng camera',
        'key.hint': 'Súng quét QR: chỉ cần quét, không cần bấm. Camera: đưa mặt trước của thẻ vào camera.',
        'key.invalid': 'Chưa đúng: cần quét mã QR trên mặt thẻ, hoặc gõ đủ 12 số định danh (hoặc 6 số CAN).',
        'key.scanning': 'Đang tìm mã QR trong camera…',
        'step.place': 'Đặt thẻ CCCD lên đầu đọc và giữ yên',
        'step.reading': 'Đang đọc chip… giữ thẻ trên đầu đọc',
        'step.face': 'Đang đọc ảnh trong chip…',
        'step.verify': 'Đang kiểm tra thẻ thật/giả…',
        'step.done': 'Đã đọc xong, có thể lấy thẻ ra',
        'field.full_name': 'Họ và tên',
        'field.id_number': 'Số định danh',
        'field.date_of_birth': 'Ngày sinh',
        'field.sex': 'Giới tính',
        'field.place_of_residence': 'Nơi thường trú',
        'field.date_of_expiry': 'Có giá trị đến',
        'sex.M': 'Nam',
        'sex.F': 'Nữ',
        'verdict.VALID': 'Thẻ thật: dữ liệu do Bộ Công an ký, chip chứng minh là thẻ gốc',
        'verdict.VALID.short': 'Thẻ hợp lệ',
        'verdict.UNVERIFIED': 'Chưa xác thực được thẻ',
        'verdict.UNVERIFIED.short': 'Chưa xác thực',
        'verdict.INVALID': 'Thẻ giả hoặc thẻ sao chép: không chấp nhận',
        'verdict.INVALID.short': 'Thẻ không hợp lệ',
        'verdict.EXPIRED': 'Thẻ đã hết hạn',
        'verdict.reason': 'Lý do',
        'verdict.unverified.next': 'Kiểm tra giấy tờ bằng mắt, hoặc báo quản lý nếu cần chắc chắn.',
        'verdict.invalid.next': 'Không tiếp nhận bằng thẻ này. Giữ nguyên thẻ và báo quản lý.',
        'error.title': 'Có lỗi',
        'error.retry': 'Thử lại',
        'error.wrong_key': 'Số định danh/CAN không khớp với thẻ trên đầu đọc.',
        'error.wrong_key.next': 'Kiểm tra lại 12 số (hoặc quét mã QR trên chính thẻ này) rồi đọc lại.',
        'error.no_card': 'Không thấy thẻ trên đầu đọc.',
        'error.no_card.next': 'Đặt thẻ nằm phẳng giữa đầu đọc rồi bấm "Đọc thẻ".',
        'error.card_removed': 'Thẻ bị nhấc ra khi đang đọc. Chưa có gì được lưu.',
        'error.card_removed.next': 'Đặt lại thẻ, giữ yên đến khi có kết quả, rồi đọc lại.',
        'error.several_cards': 'Có hai thẻ trên đầu đọc.',
        'error.several_cards.next': 'Chỉ để một thẻ trên đầu đọc rồi đọc lại.',
        'error.no_reader': 'Không thấy đầu đọc thẻ.',
        'error.no_reader.next': 'Cắm lại cáp USB của đầu đọc, chờ vài giây rồi thử lại.',
        'error.busy': 'Đầu đọc đang bận với một lần đọc khác.',
        'error.busy.next': 'Chờ lần đọc kia xong rồi thử lại.',
        'error.communication': 'Đọc chip không thành công (thẻ xê dịch hoặc đầu đọc lỗi).',
        'error.communication.next': 'Giữ thẻ yên ở giữa đầu đọc rồi đọc lại. Nếu lặp lại, báo bộ phận IT.',
        'error.unreachable': 'Chương trình đầu đọc (cccd-agent) chưa chạy trên máy này.',
        'error.unreachable.next': 'Mở lại chương trình "cccd-agent" (hoặc khởi động lại máy), rồi bấm "Thử lại".',
        'error.forbidden': 'Chương trình đầu đọc chưa cho phép trang này.',
        'error.forbidden.next': 'Báo bộ phận IT: cần thêm địa chỉ trang này vào cấu hình cccd-agent (--origin).',
        'error.no_camera': 'Không mở được camera.',
        'error.no_camera.next': 'Kiểm tra camera đã cắm và không bị chương trình khác dùng, rồi thử lại.',
        'error.no_qr': 'Không thấy mã QR trong camera.',
        'error.no_qr.next': 'Đưa mặt trước của thẻ (có mã QR) gần camera hơn, giữ yên, rồi thử lại. Hoặc gõ 12 số.',
        'error.no_face': 'Không thấy rõ khuôn mặt trong camera.',
        'error.no_face.next': 'Nhìn thẳng vào camera, đủ sáng, không đeo khẩu trang, rồi thử lại.',
        'error.server': 'Máy chủ không lưu được.',
        'error.server.next': 'Chưa có gì bị mất: bấm "Thử lại". Nếu lặp lại, báo bộ phận IT.',
        'error.other': 'Có lỗi không mong đợi.',
        'error.other.next': 'Thử lại. Nếu lặp lại, báo bộ phận IT.',
        'face.look': 'Nhìn thẳng vào camera',
        'face.match': 'Khuôn mặt khớp với ảnh trong thẻ',
        'face.mismatch': 'Khuôn mặt KHÔNG khớp với ảnh trong thẻ',
        'face.not_live': 'Camera không thấy người thật (ảnh chụp hoặc màn hình?)',
        'face.chip': 'Ảnh trong chip',
        'face.live': 'Camera',
        'privacy.note': 'Dữ liệu cá nhân được xử lý theo Nghị định 13/2023/NĐ-CP.',
    },
    en: {
        'lang.switch': 'Tiếng Việt',
        'agent.checking': 'Connecting to the card reader…',
        'agent.ready': 'Card reader ready',
        'agent.down': 'Card reader not connected',
        'key.label': 'Scan the QR code on the card, or type the ID number (12 digits)',
        'key.placeholder': 'Scan the QR or type 12 digits',
        'key.read': 'Read card',
        'key.camera': 'Scan QR with camera',
        'key.hint': 'QR scanner gun: just scan, no button needed. Camera: hold the front of the card to the camera.',
        'key.invalid': 'Not recognised: scan the QR code on the card face, or type all 12 digits of the ID number (or the 6-digit CAN).',
        'key.scanning': 'Looking for the QR code in the camera…',
        'step.place': 'Place the ID card on the reader and keep it still',
        'step.reading': 'Reading the chip… keep the card on the reader',
        'step.face': 'Reading the photo from the chip…',
        'step.verify': 'Checking that the card is genuine…',
        'step.done': 'Done: the card can be taken away',
        'field.full_name': 'Full name',
        'field.id_number': 'ID number',
        'field.date_of_birth': 'Date of birth',
        'field.sex': 'Sex',
        'field.place_of_residence': 'Place of residence',
        'field.date_of_expiry': 'Valid until',
        'sex.M': 'Male',
        'sex.F': 'Female',
        'verdict.VALID': 'Genuine card: data signed by the issuer, the chip proved it is the original',
        'verdict.VALID.short': 'Card valid',
        'verdict.UNVERIFIED': 'The card could not be verified',
        'verdict.UNVERIFIED.short': 'Not verified',
        'verdict.INVALID': 'Forged or cloned card: do not accept',
        'verdict.INVALID.short': 'Card invalid',
        'verdict.EXPIRED': 'The card has expired',
        'verdict.reason': 'Reason',
        'verdict.unverified.next': 'Check the card by eye, or ask a supervisor if you need certainty.',
        'verdict.invalid.next': 'Do not accept this card. Keep it and call a supervisor.',
        'error.title': 'Something went wrong',
        'error.retry': 'Try again',
        'error.wrong_key': 'The ID number/CAN does not match the card on the reader.',
        'error.wrong_key.next': 'Check the 12 digits (or scan the QR code of this very card) and read again.',
        'error.no_card': 'No card on the reader.',
        'error.no_card.next': 'Lay the card flat in the middle of the reader and press "Read card".',
        'error.card_removed': 'The card was taken away during the read. Nothing was saved.',
        'error.card_removed.next': 'Put the card back, keep it still until the result shows, and read again.',
        'error.several_cards': 'There are two cards on the reader.',
        'error.several_cards.next': 'Leave only one card on the reader and read again.',
        'error.no_reader': 'No card reader found.',
        'error.no_reader.next': 'Plug the reader\'s USB cable in again, wait a few seconds and try again.',
        'error.busy': 'The reader is busy with another read.',
        'error.busy.next': 'Wait for that read to finish and try again.',
        'error.communication': 'Reading the chip failed (the card moved or the reader failed).',
        'error.communication.next': 'Hold the card still in the middle of the reader and read again. If it repeats, call IT.',
        'error.unreachable': 'The card reader program (cccd-agent) is not running on this PC.',
        'error.unreachable.next': 'Start "cccd-agent" again (or restart the PC), then press "Try again".',
        'error.forbidden': 'The card reader program does not allow this page yet.',
        'error.forbidden.next': 'Tell IT: this page\'s address must be added to cccd-agent\'s configuration (--origin).',
        'error.no_camera': 'The camera cannot be opened.',
        'error.no_camera.next': 'Check that the camera is plugged in and not used by another program, then try again.',
        'error.no_qr': 'No QR code seen by the camera.',
        'error.no_qr.next': 'Hold the front of the card (with the QR code) closer to the camera, keep it still, and try again. Or type the 12 digits.',
        'error.no_face': 'No clear face in the camera.',
        'error.no_face.next': 'Look straight into the camera, with enough light and no mask, then try again.',
        'error.server': 'The server could not save.',
        'error.server.next': 'Nothing is lost: press "Try again". If it repeats, call IT.',
        'error.other': 'Unexpected error.',
        'error.other.next': 'Try again. If it repeats, call IT.',
        'face.look': 'Look straight into the camera',
        'face.match': 'The face matches the photo on the card',
        'face.mismatch': 'The face does NOT match the photo on the card',
        'face.not_live': 'The camera does not see a live person (a photo or a screen?)',
        'face.chip': 'Photo on the chip',
        'face.live': 'Camera',
        'privacy.note': 'Personal data is processed under Decree 13/2023/ND-CP.',
    },
};

let lang = 'vi';

/** Adds a sample's own strings: {vi: {...}, en: {...}}. */
export function addStrings(more) {
    for (const l of Object.keys(strings)) Object.assign(strings[l], more[l] || {});
}

/** The text for key in the current language, with {name} replaced from vars. Missing keys show as the key. */
export function t(key, vars = {}) {
    const text = strings[lang][key] ?? strings.vi[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

export function currentLang() { return lang; }

/** Sets the language (remembered on this PC) and re-translates the page. */
export function setLang(next, root = document) {
    lang = strings[next] ? next : 'vi';
    try { localStorage.setItem('cccd-sample-lang', lang); } catch (_) { /* private mode */ }
    document.documentElement.lang = lang;
    applyI18n(root);
}

/** The remembered language, else the server's default. */
export function initialLang(serverDefault) {
    try { return localStorage.getItem('cccd-sample-lang') || serverDefault || 'vi'; } catch (_) { return serverDefault || 'vi'; }
}

export function applyI18n(root = document) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
    for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
    document.dispatchEvent(new CustomEvent('cccd-lang', { detail: lang }));
}
