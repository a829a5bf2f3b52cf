"""Plausible news prose per language, composed from real words and phrases (no lorem ipsum).

Each language has a small vocabulary of subjects, verbs, objects and complements as a
mission's press office writes them; :class:`Writer` strings them into sentences,
paragraphs, list items and table cells, driven by a seeded ``random.Random``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    """The pieces a language's sentences are made of, and how they fit together."""

    subjects: tuple[str, ...]
    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    complements: tuple[str, ...]
    pattern: str  # uses {s} {v} {o} {c}
    headings: tuple[str, ...]
    table_head: tuple[str, str, str]
    table_rows: tuple[str, ...]
    title: str  # uses {n} {o} {c}
    author: str
    alt: str  # uses {o}


VOCABULARIES: dict[str, Vocabulary] = {
    "vi": Vocabulary(
        subjects=("Đại sứ quán", "Đại sứ", "Phòng Lãnh sự", "Đoàn công tác của Bộ Ngoại giao",
                  "Cộng đồng người Việt Nam", "Hội doanh nghiệp Việt Nam", "Hội sinh viên Việt Nam",
                  "Lãnh đạo chính quyền sở tại", "Các đại biểu hai nước", "Thương vụ Việt Nam"),
        verbs=("đã tổ chức", "phối hợp tổ chức", "tham dự", "chủ trì", "giới thiệu",
               "thúc đẩy", "trao đổi về", "ký kết", "hỗ trợ", "khai mạc"),
        objects=("buổi gặp mặt thân mật", "diễn đàn hợp tác kinh tế", "lễ kỷ niệm Quốc khánh",
                 "chương trình giao lưu văn hóa", "hội nghị xúc tiến thương mại",
                 "tuần lễ ẩm thực Việt Nam", "lớp học tiếng Việt cho thiếu nhi",
                 "triển lãm ảnh về đất nước và con người Việt Nam",
                 "biên bản ghi nhớ về hợp tác giáo dục", "thủ tục cấp hộ chiếu trực tuyến",
                 "học bổng dành cho sinh viên xuất sắc", "hội chợ nông sản và trái cây nhiệt đới"),
        complements=("tại trụ sở Đại sứ quán", "với sự tham gia của đông đảo bà con kiều bào",
                     "nhằm tăng cường quan hệ hữu nghị giữa hai nước",
                     "trong không khí ấm cúng và thân tình",
                     "nhân dịp kỷ niệm ngày thiết lập quan hệ ngoại giao",
                     "theo tinh thần hợp tác cùng có lợi",
                     "góp phần quảng bá hình ảnh đất nước Việt Nam",
                     "và đạt được nhiều kết quả cụ thể", "trước sự chứng kiến của nhiều khách mời",
                     "để đáp ứng nhu cầu ngày càng tăng của công dân"),
        pattern="{s} {v} {o} {c}.",
        headings=("Kết quả nổi bật", "Ý kiến của các đại biểu", "Thông tin thêm",
                  "Hoạt động tiếp theo", "Bối cảnh hợp tác"),
        table_head=("Hạng mục", "Số lượng", "Ghi chú"),
        table_rows=("Đại biểu tham dự", "Doanh nghiệp", "Thỏa thuận được ký", "Gian hàng",
                    "Tình nguyện viên"),
        title="Bản tin số {n}: {o} {c}",
        author="Phòng Báo chí – Cộng đồng",
        alt="Ảnh minh họa: {o}",
    ),
    "fr": Vocabulary(
        subjects=("L'Ambassade", "L'Ambassadeur", "La section consulaire",
                  "Une délégation du ministère des Affaires étrangères",
                  "La communauté vietnamienne",
                  "L'association des entreprises vietnamiennes", "Les étudiants vietnamiens",
                  "Les autorités locales", "Les représentants des deux pays",
                  "Le bureau commercial du Viet Nam"),
        verbs=("a organisé", "a coorganisé", "a participé à", "a présidé", "a présenté",
               "a soutenu", "a accueilli", "a signé", "a inauguré", "a encouragé"),
        objects=("une rencontre amicale", "un forum de coopération économique",
                 "la célébration de la fête nationale", "un programme d'échanges culturels",
                 "une conférence de promotion commerciale",
                 "une semaine de la gastronomie vietnamienne",
                 "des cours de vietnamien pour les enfants",
                 "une exposition de photographies sur le Viet Nam",
                 "un protocole d'accord sur l'éducation", "la demande de passeport en ligne",
                 "des bourses pour les meilleurs étudiants", "une foire des fruits tropicaux"),
        complements=("au siège de l'Ambassade", "en présence de nombreux invités",
                     "afin de renforcer l'amitié entre les deux pays",
                     "dans une atmosphère chaleureuse",
                     "à l'occasion de l'anniversaire des relations diplomatiques",
                     "dans un esprit de coopération mutuellement avantageuse",
                     "pour faire connaître la culture vietnamienne",
                     "avec des résultats concrets", "devant un public nombreux et attentif",
                     "pour répondre aux besoins croissants des citoyens"),
        pattern="{s} {v} {o} {c}.",
        headings=("Principaux résultats", "La parole aux participants", "Pour en savoir plus",
                  "Prochaines étapes", "Le contexte de la coopération"),
        table_head=("Rubrique", "Nombre", "Remarque"),
        table_rows=("Participants", "Entreprises", "Accords signés", "Stands", "Bénévoles"),
        title="Actualité n° {n} : {o} {c}",
        author="Service de presse et de la communauté",
        alt="Photo d'illustration : {o}",
    ),
    "en": Vocabulary(
        subjects=("The Embassy", "The Ambassador", "The consular section",
                  "A delegation of the Ministry of Foreign Affairs", "The Vietnamese community",
                  "The Vietnamese business association", "Vietnamese students",
                  "The local authorities", "Representatives of both countries",
                  "The Trade Office of Viet Nam"),
        verbs=("organised", "co-hosted", "took part in", "chaired", "presented", "supported",
               "welcomed", "signed", "opened", "promoted"),
        objects=("a friendly gathering", "an economic cooperation forum",
                 "the National Day celebration", "a cultural exchange programme",
                 "a trade promotion conference", "a week of Vietnamese cuisine",
                 "Vietnamese lessons for children", "a photo exhibition about Viet Nam",
                 "a memorandum of understanding on education", "online passport applications",
                 "scholarships for outstanding students", "a tropical fruit fair"),
        complements=("at the Embassy", "with many guests in attendance",
                     "to strengthen the friendship between the two countries",
                     "in a warm atmosphere",
                     "on the anniversary of diplomatic relations",
                     "in a spirit of mutually beneficial cooperation",
                     "to make Vietnamese culture better known", "with concrete results",
                     "before a large and attentive audience",
                     "to meet the growing needs of citizens"),
        pattern="{s} {v} {o} {c}.",
        headings=("Key results", "What participants said", "Further information",
                  "Next steps", "Background"),
        table_head=("Item", "Number", "Note"),
        table_rows=("Participants", "Companies", "Agreements signed", "Stands", "Volunteers"),
        title="News {n}: {o} {c}",
        author="Press and community office",
        alt="Illustration: {o}",
    ),
    "ja": Vocabulary(
        subjects=("大使館", "大使", "領事部", "外務省代表団", "在留ベトナム人コミュニティ",
                  "ベトナム企業協会", "ベトナム人留学生", "地元自治体", "両国の代表"),
        verbs=("開催しました", "共催しました", "参加しました", "主宰しました", "紹介しました",
               "支援しました", "署名しました", "開会しました"),
        objects=("親睦会", "経済協力フォーラム", "国慶節の祝賀行事", "文化交流プログラム",
                 "貿易促進会議", "ベトナム料理週間", "子ども向けベトナム語教室",
                 "ベトナムの写真展", "教育協力の覚書", "熱帯果物の見本市"),
        complements=("大使館において", "多くの来賓を迎えて", "両国の友好を深めるため",
                     "和やかな雰囲気の中で", "外交関係樹立の記念日に",
                     "互恵協力の精神に基づき", "ベトナム文化を紹介するため"),
        pattern="{s}は{c}{o}を{v}。",
        headings=("主な成果", "参加者の声", "詳細情報", "今後の予定", "協力の背景"),
        table_head=("項目", "数", "備考"),
        table_rows=("参加者", "企業", "署名された合意", "ブース", "ボランティア"),
        title="ニュース第{n}号：{c}{o}",
        author="広報・コミュニティ担当",
        alt="イメージ写真：{o}",
    ),
    "ar": Vocabulary(
        subjects=("السفارة", "السفير", "القسم القنصلي", "وفد من وزارة الخارجية",
                  "الجالية الفيتنامية", "رابطة الشركات الفيتنامية", "الطلاب الفيتناميون",
                  "السلطات المحلية", "ممثلو البلدين"),
        verbs=("نظمت", "شاركت في", "استضافت", "دعمت", "قدمت", "افتتحت", "وقعت"),
        objects=("لقاء وديا", "منتدى للتعاون الاقتصادي", "احتفالا باليوم الوطني",
                 "برنامجا للتبادل الثقافي", "مؤتمرا لتعزيز التجارة", "أسبوعا للمطبخ الفيتنامي",
                 "دروسا في اللغة الفيتنامية للأطفال", "معرضا للصور عن فيتنام",
                 "مذكرة تفاهم في مجال التعليم"),
        complements=("في مقر السفارة", "بحضور عدد كبير من الضيوف",
                     "لتعزيز الصداقة بين البلدين", "في أجواء ودية",
                     "بمناسبة ذكرى إقامة العلاقات الدبلوماسية",
                     "بروح التعاون المتبادل المنفعة", "للتعريف بالثقافة الفيتنامية"),
        pattern="{s} {v} {o} {c}.",
        headings=("أبرز النتائج", "آراء المشاركين", "معلومات إضافية", "الخطوات التالية",
                  "خلفية التعاون"),
        table_head=("البند", "العدد", "ملاحظة"),
        table_rows=("المشاركون", "الشركات", "الاتفاقيات الموقعة", "الأجنحة", "المتطوعون"),
        title="الخبر رقم {n}: {o} {c}",
        author="المكتب الصحفي",
        alt="صورة توضيحية: {o}",
    ),
}


class Writer:
    """Sentences, paragraphs and the parts of a post in one language."""

    def __init__(self, lang: str, rng: random.Random) -> None:
        self.words = VOCABULARIES[lang]
        self.rng = rng

    def sentence(self) -> str:
        w, pick = self.words, self.rng.choice
        text = w.pattern.format(s=pick(w.subjects), v=pick(w.verbs), o=pick(w.objects),
                                c=pick(w.complements))
        return text[0].upper() + text[1:]

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self, number: int) -> str:
        w, pick = self.words, self.rng.choice
        text = w.title.format(n=number, o=pick(w.objects), c=pick(w.complements))
        return text[0].upper() + text[1:]

    def heading(self) -> str:
        return self.rng.choice(self.words.headings)

    def bullets(self, items: int) -> list[str]:
        w, pick = self.words, self.rng.choice
        return [f"{pick(w.objects)} {pick(w.complements)}" for _ in range(items)]

    def table(self, rows: int) -> list[tuple[str, str, str]]:
        w = self.words
        chosen = self.rng.sample(w.table_rows, min(rows, len(w.table_rows)))
        return [(name, str(self.rng.randint(3, 400)), self.rng.choice(w.complements))
                for name in chosen]

    def alt(self) -> str:
        return self.words.alt.format(o=self.rng.choice(self.words.objects))
