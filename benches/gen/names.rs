//! Name tables and the entities built from them.
//!
//! People: given and family names of many languages, including family-name-first names
//! (Chinese, Korean, Vietnamese), compound surnames (Spanish), particles (von der, de la, al-),
//! diacritics, and Russian and Arabic transliterations listed as the registry's `variants`.
//! Organisations: invented places combined with institution kinds, with acronyms and short
//! names as aliases. Roles point at earlier organisations and carry dates.

use super::{Entity, Rng, Role};
use unicode_normalization::UnicodeNormalization;

const ENGLISH_GIVEN: &[&str] = &[
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Christopher",
    "Nancy",
    "Daniel",
    "Lisa",
    "Matthew",
    "Margaret",
    "Andrew",
    "Emily",
    "Kenneth",
    "Michelle",
    "Paul",
    "Dorothy",
    "Joshua",
    "Carol",
    "Gareth",
    "Siobhan",
];
const ENGLISH_ROOT: &[&str] = &[
    "Ash", "Black", "Brad", "Brook", "Cart", "Clay", "Craw", "Dun", "Ful", "Hart", "Hol", "King",
    "Lang", "Mar", "Mor", "Nor", "Pem", "Ram", "Red", "Ros", "Sher", "Stan", "Stock", "Thorn",
    "Wal", "Wes", "Whit", "Win", "Ald", "Bram",
];
const ENGLISH_END: &[&str] = &[
    "ford", "ley", "ton", "wood", "well", "man", "field", "by", "wick", "ridge", "worth", "son",
];
const CHINESE_FAMILY: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu",
    "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo", "Liang", "Song", "Zheng", "Xie", "Han", "Tang",
    "Feng", "Dong", "Xiao", "Cheng", "Cao", "Yuan", "Deng", "Fu", "Shen", "Zeng", "Peng",
];
const CHINESE_SYLLABLE: &[&str] = &[
    "jian", "wei", "xiao", "hong", "ming", "jun", "hui", "yong", "qiang", "lei", "yan", "jing",
    "hai", "guo", "zhi", "xin", "yu", "le", "ji", "ping", "hua", "chun", "dong", "feng", "tao",
    "bo", "kai", "rui", "gang", "bin", "jie", "ying", "fang", "min", "qing", "long",
];
const KOREAN_FAMILY: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Oh", "Seo",
    "Shin", "Kwon", "Hwang", "Ahn", "Jeon", "Moon",
];
const KOREAN_SYLLABLE: &[&str] = &[
    "Jae", "Min", "Seung", "Hyun", "Ji", "Sung", "Young", "Jong", "Dong", "Soo", "Hye", "Eun",
    "Jin", "Sang", "Woo", "Ho", "Yeon", "Kyung", "Chul", "Hee", "In", "Un",
];
const JAPANESE_GIVEN: &[&str] = &[
    "Hiroshi",
    "Takashi",
    "Yuki",
    "Kenji",
    "Akira",
    "Naoko",
    "Yoko",
    "Haruto",
    "Sakura",
    "Daisuke",
    "Shinzo",
    "Fumio",
    "Yoshihide",
    "Taro",
    "Keiko",
    "Emi",
    "Kazuo",
    "Makoto",
];
const JAPANESE_ROOT: &[&str] = &[
    "Yama", "Naka", "Ta", "Ki", "Matsu", "Ishi", "Fuji", "Mori", "Ike", "Kawa", "Hashi", "Taka",
    "Saka", "Kuro", "Oka", "Hira",
];
const JAPANESE_END: &[&str] = &[
    "moto", "da", "mura", "shita", "kawa", "no", "guchi", "hara", "zaki", "uchi", "ta", "yama",
];
/// Russian given names, men's first, with other transliterations a house style corrects.
const RUSSIAN_MEN: &[(&str, &[&str])] = &[
    ("Vyacheslav", &["Viacheslav", "Wjatscheslaw"]),
    ("Dmitry", &["Dmitri", "Dmitriy"]),
    ("Sergei", &["Sergey"]),
    ("Alexei", &["Alexey", "Aleksei"]),
    ("Vladimir", &[]),
    ("Mikhail", &["Michail"]),
    ("Nikolai", &["Nikolay"]),
    ("Andrei", &["Andrey"]),
    ("Yevgeny", &["Evgeny", "Evgenii"]),
    ("Yuri", &["Yury", "Juri"]),
    ("Gennady", &["Gennadiy"]),
    ("Konstantin", &[]),
    ("Pavel", &[]),
    ("Igor", &[]),
    ("Oleg", &[]),
    ("Boris", &[]),
];
const RUSSIAN_WOMEN: &[(&str, &[&str])] = &[
    ("Olga", &[]),
    ("Tatyana", &["Tatiana"]),
    ("Natalya", &["Natalia"]),
    ("Yelena", &["Elena"]),
    ("Irina", &[]),
    ("Svetlana", &[]),
    ("Anastasia", &["Anastasiya"]),
    ("Valentina", &[]),
];
const RUSSIAN_ROOT: &[&str] = &[
    "Volod", "Ivan", "Smirn", "Kuznets", "Pop", "Sokol", "Lebed", "Kozl", "Novik", "Moroz", "Volk",
    "Solov", "Vasil", "Zaits", "Pavl", "Semen", "Golub", "Vinograd", "Bogdan", "Vorob", "Fyodor",
    "Mikhail", "Belous", "Tarasov", "Zhuk", "Sheremet", "Kovalch", "Orl", "Makar", "Zakhar",
];
const RUSSIAN_END: &[&str] = &["ov", "in", "ev", "sky", "enko", "ich"];
/// Arabic given names with common other transliterations.
const ARABIC_GIVEN: &[(&str, &[&str])] = &[
    ("Mohammed", &["Muhammad", "Mohamed"]),
    ("Ahmed", &["Ahmad"]),
    ("Abdullah", &["Abdallah"]),
    ("Omar", &["Umar"]),
    ("Ali", &[]),
    ("Hassan", &["Hasan"]),
    ("Khalid", &["Khaled"]),
    ("Youssef", &["Yousef", "Yusuf"]),
    ("Ibrahim", &[]),
    ("Mahmoud", &["Mahmud"]),
    ("Fatima", &["Fatma"]),
    ("Aisha", &["Aysha"]),
    ("Layla", &["Leila"]),
    ("Mariam", &["Maryam"]),
    ("Tariq", &["Tarek"]),
    ("Abdel Fattah", &["Abdul Fattah"]),
    ("Abdul Rahman", &["Abdel Rahman"]),
    ("Faisal", &["Faysal"]),
];
const ARABIC_FAMILY: &[&str] = &[
    "Sabah", "Thani", "Rashid", "Hashimi", "Masri", "Qasimi", "Tamimi", "Harbi", "Otaibi",
    "Ghamdi", "Zahrani", "Shammari", "Mansour", "Haddad", "Khoury", "Nasser", "Hariri", "Jaber",
    "Saleh", "Sisi", "Sudairi", "Maktoum", "Kuwari", "Dosari", "Qahtani", "Mutairi",
];
const SPANISH_GIVEN: &[&str] = &[
    "José",
    "María",
    "Juan",
    "Carmen",
    "Luis",
    "Ana",
    "Carlos",
    "Lucía",
    "Javier",
    "Isabel",
    "Alejandro",
    "Sofía",
    "Andrés",
    "Pilar",
    "Fernando",
    "Mercedes",
    "Jorge",
    "Inés",
    "Raúl",
];
const SPANISH_FAMILY: &[&str] = &[
    "García",
    "Fernández",
    "González",
    "Rodríguez",
    "López",
    "Martínez",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Martín",
    "Jiménez",
    "Ruiz",
    "Hernández",
    "Díaz",
    "Moreno",
    "Muñoz",
    "Álvarez",
    "Romero",
    "Alonso",
    "Gutiérrez",
    "Navarro",
    "Torres",
    "Domínguez",
    "Vázquez",
    "Ramos",
    "Gil",
    "Ramírez",
    "Serrano",
    "Blanco",
    "Molina",
    "Márquez",
    "Ibáñez",
    "Castillo",
    "Ortega",
];
const SPANISH_PARTICLE: &[&str] = &["de la Fuente", "de los Santos", "del Río", "de la Cruz"];
/// Given and family names of other languages written given name first, diacritics kept.
const WESTERN: &[(&[&str], &[&str])] = &[
    (
        &[
            "François",
            "Hélène",
            "Jérôme",
            "Benoît",
            "Zoé",
            "Cécile",
            "Amélie",
            "Stéphane",
            "Jean-Luc",
            "Marie-Claire",
            "Thierry",
            "Élodie",
            "Agnès",
            "Loïc",
        ],
        &[
            "Lefèvre",
            "Bayrou",
            "Mélenchon",
            "Moreau",
            "Giraud",
            "Rousseau",
            "Fournier",
            "Girard",
            "Bonnet",
            "Dupont",
            "Lambert",
            "Fontaine",
            "Chevalier",
            "Gauthier",
            "Mercier",
            "Bérenger",
            "de Villepin",
        ],
    ),
    (
        &[
            "Jürgen",
            "Ursula",
            "Wolfgang",
            "Annalena",
            "Friedrich",
            "Günter",
            "Jörg",
            "Hans-Peter",
            "Anke",
            "Matthias",
            "Sabine",
            "Pieter",
            "Joost",
            "Femke",
        ],
        &[
            "Müller",
            "Schröder",
            "Schäfer",
            "Groß",
            "Weiß",
            "Köhler",
            "Hoffmann",
            "Schulz",
            "Krüger",
            "Becker",
            "von der Leyen",
            "van den Berg",
            "de Vries",
            "Steinmeier",
        ],
    ),
    (
        &[
            "Łukasz",
            "Małgorzata",
            "Wojciech",
            "Agnieszka",
            "Krzysztof",
            "Paweł",
            "Jiří",
            "Tomáš",
            "Zuzana",
            "Michał",
            "Grzegorz",
            "Katarzyna",
        ],
        &[
            "Kowalski",
            "Nowak",
            "Wiśniewski",
            "Wójcik",
            "Kowalczyk",
            "Kamiński",
            "Lewandowski",
            "Zieliński",
            "Woźniak",
            "Dąbrowski",
            "Dvořák",
            "Novotný",
            "Černý",
            "Procházka",
            "Kučera",
        ],
    ),
    (
        &[
            "Recep", "Ahmet", "Mehmet", "Ayşe", "Fatma", "Emine", "Mustafa", "Hüseyin", "Zeynep",
            "Elif", "Ömer", "Çağlar",
        ],
        &[
            "Erdoğan", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın",
            "Özdemir", "Arslan", "Doğan", "Kılıç",
        ],
    ),
    (
        &[
            "Viktor", "Zoltán", "Gábor", "Péter", "Katalin", "Judit", "Ildikó", "László", "István",
            "Ferenc",
        ],
        &[
            "Orbán", "Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár",
            "Németh",
        ],
    ),
    (
        &[
            "Søren", "Bjørn", "Åsa", "Märta", "Jens", "Ingrid", "Lars", "Sigrid", "Henrik",
            "Astrid",
        ],
        &[
            "Jørgensen",
            "Østergaard",
            "Åberg",
            "Lindqvist",
            "Sørensen",
            "Nyström",
            "Halvorsen",
            "Karlsson",
        ],
    ),
    (
        &[
            "Narendra",
            "Rahul",
            "Priya",
            "Amit",
            "Sunita",
            "Anil",
            "Deepak",
            "Kavita",
            "Arvind",
            "Sanjay",
            "Lakshmi",
            "Venkatesh",
        ],
        &[
            "Sharma",
            "Patel",
            "Singh",
            "Gupta",
            "Reddy",
            "Iyer",
            "Nair",
            "Banerjee",
            "Chatterjee",
            "Mukherjee",
            "Desai",
            "Krishnamurthy",
        ],
    ),
    (
        &[
            "Cyril",
            "Nkosazana",
            "Oluwaseun",
            "Chinedu",
            "Amara",
            "Kwame",
            "Abiy",
            "Wanjiru",
            "Thabo",
            "Ngozi",
            "Uhuru",
        ],
        &[
            "Ramaphosa",
            "Dlamini",
            "Okonkwo",
            "Adeyemi",
            "Mensah",
            "Kenyatta",
            "Odinga",
            "Mbeki",
            "Nwosu",
            "Osei",
            "Abubakar",
            "Haile",
        ],
    ),
    (
        &[
            "João",
            "Mariana",
            "Gonçalo",
            "Inês",
            "Luís",
            "Conceição",
            "Tiago",
            "Leonor",
        ],
        &[
            "da Silva",
            "dos Santos",
            "Gonçalves",
            "Ferreira",
            "Magalhães",
            "Conceição",
            "Araújo",
            "Simões",
        ],
    ),
];
const VIETNAMESE_FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ",
];
const VIETNAMESE_MIDDLE: &[&str] = &["Văn", "Thị", "Minh", "Đức", "Quốc", "Thanh"];
const VIETNAMESE_GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam", "Phúc",
    "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Việt",
];
/// By culture, in the order of [`person_name`]'s cases and then [`WESTERN`].
const NATIONALITY: &[&str] = &[
    "British",
    "Chinese",
    "South Korean",
    "Japanese",
    "Russian",
    "Saudi",
    "Spanish",
    "Vietnamese",
    "French",
    "German",
    "Polish",
    "Turkish",
    "Hungarian",
    "Danish",
    "Indian",
    "Nigerian",
    "Portuguese",
];
const OCCUPATION: &[&str] = &[
    "politician",
    "economist",
    "diplomat",
    "business executive",
    "lawyer",
    "academic",
    "civil servant",
    "trade unionist",
    "military officer",
    "journalist",
];

const PLACE_HEAD: &[&str] = &[
    "Nor", "Vel", "Kar", "Ash", "Bel", "Mar", "Tor", "Sil", "Dun", "Cal", "Ost", "Lin", "Hal",
    "Rav", "Bran", "Esk", "Fal", "Gren", "Kel", "Mon", "Alder", "Bright", "Elm", "Wester", "Stone",
];
const PLACE_MID: &[&str] = &["", "en", "ar", "il", "o", "a", "et"];
const PLACE_TAIL: &[&str] = &[
    "vik", "mere", "burg", "ford", "stad", "ova", "ton", "heim", "gard", "chester", "port", "dale",
    "ania", "holm", "field",
];
const FIELD: &[&str] = &[
    "Economic Research",
    "Public Health",
    "International Affairs",
    "Energy Studies",
    "Climate Science",
    "Strategic Studies",
    "Labour Relations",
    "Digital Policy",
];
const DOMAIN: &[&str] = &[
    "Finance",
    "Foreign Affairs",
    "Defence",
    "Health",
    "Education",
    "Transport",
    "Energy",
    "Agriculture",
    "Justice",
    "Trade",
];
const INDUSTRY: &[&str] = &[
    "Energy",
    "Steel",
    "Shipping",
    "Telecom",
    "Pharmaceuticals",
    "Mining",
    "Airlines",
    "Foods",
];
const CORP: &[&str] = &["Group", "Holdings", "Corporation", "Company"];
const IDEOLOGY: &[&str] = &[
    "Social Democratic",
    "Liberal",
    "Conservative",
    "Green",
    "Labour",
    "People's",
];
const PAPER: &[&str] = &["Herald", "Times", "Post", "Gazette", "Courier", "Observer"];
pub const TITLES: &[&str] = &[
    "minister",
    "chairman",
    "chief executive",
    "spokesperson",
    "professor",
    "director",
    "mayor",
    "governor",
    "senator",
    "ambassador",
    "president",
    "vice president",
    "secretary-general",
    "deputy minister",
    "head",
    "chief economist",
    "editor",
    "senior fellow",
];

/// Whether entity `i` is a person (70%), an organisation (25%) or a place (5%).
pub fn kind_of(i: usize) -> &'static str {
    match Rng::for_item(1, i).below(20) {
        0..=13 => "person",
        14..=18 => "organization",
        _ => "place",
    }
}

pub fn entity(i: usize) -> Entity {
    let mut rng = Rng::for_item(2, i);
    match kind_of(i) {
        "person" => person(i, &mut rng),
        "organization" => organization(i, &mut rng),
        _ => place_entity(i, &mut rng),
    }
}

fn compose(rng: &mut Rng, head: &[&str], tail: &[&str]) -> String {
    format!("{}{}", rng.pick(head), rng.pick(tail))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn slug(name: &str, i: usize) -> String {
    let mut out = String::new();
    for c in name.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c == ' ' || c == '-') && !out.ends_with('-') {
            out.push('-');
        }
    }
    format!("{}-{i}", out.trim_matches('-'))
}

fn strip_diacritics(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'Đ' { 'D' } else { c })
        .collect()
}

struct PersonName {
    name: String,
    family_name: Option<String>,
    variants: Vec<String>,
    nationality: usize,
}

fn person_name(rng: &mut Rng) -> PersonName {
    let culture = rng.below(NATIONALITY.len());
    let mut variants = Vec::new();
    let mut family_name = None;
    let name = match culture {
        0 => {
            let family = if rng.chance(70) {
                compose(rng, ENGLISH_ROOT, ENGLISH_END)
            } else {
                rng.pick(ENGLISH_ROOT).to_string()
            };
            let initial = (b'A' + rng.below(26) as u8) as char;
            match rng.chance(30) {
                true => format!("{} {initial}. {family}", rng.pick(ENGLISH_GIVEN)),
                false => format!("{} {family}", rng.pick(ENGLISH_GIVEN)),
            }
        }
        1 => {
            let family = *rng.pick(CHINESE_FAMILY);
            let (a, b) = (rng.pick(CHINESE_SYLLABLE), rng.pick(CHINESE_SYLLABLE));
            family_name = Some(family.to_string());
            if rng.chance(30) {
                variants.push(format!("{family} {} {}", capitalise(a), capitalise(b)));
            }
            format!("{family} {}{b}", capitalise(a))
        }
        2 => {
            let family = *rng.pick(KOREAN_FAMILY);
            let (a, b) = (rng.pick(KOREAN_SYLLABLE), rng.pick(KOREAN_SYLLABLE));
            family_name = Some(family.to_string());
            format!("{family} {a}-{}", b.to_lowercase())
        }
        3 => format!(
            "{} {}",
            rng.pick(JAPANESE_GIVEN),
            compose(rng, JAPANESE_ROOT, JAPANESE_END)
        ),
        4 => {
            let woman = rng.chance(35);
            let (given, others) = *rng.pick(if woman { RUSSIAN_WOMEN } else { RUSSIAN_MEN });
            let mut family = compose(rng, RUSSIAN_ROOT, RUSSIAN_END);
            if woman {
                family = feminine(&family);
            }
            if rng.chance(50) {
                variants.extend(others.iter().map(|o| format!("{o} {family}")));
                if let Some(stem) = family.strip_suffix("ov") {
                    variants.push(format!("{given} {stem}off"));
                }
            }
            format!("{given} {family}")
        }
        5 => {
            let (given, others) = *rng.pick(ARABIC_GIVEN);
            let family = rng.pick(ARABIC_FAMILY);
            let family = match rng.below(3) {
                0 => format!("al-{family}"),
                1 => format!("el-{family}"),
                _ => family.to_string(),
            };
            if rng.chance(50) {
                variants.extend(others.iter().map(|o| format!("{o} {family}")));
            }
            format!("{given} {family}")
        }
        6 => {
            let given = rng.pick(SPANISH_GIVEN);
            let family = match rng.below(10) {
                0 => rng.pick(SPANISH_PARTICLE).to_string(),
                1..=5 => format!("{} {}", rng.pick(SPANISH_FAMILY), rng.pick(SPANISH_FAMILY)),
                _ => rng.pick(SPANISH_FAMILY).to_string(),
            };
            if family.contains(' ') {
                family_name = Some(family.clone());
            }
            format!("{given} {family}")
        }
        7 => {
            let family = *rng.pick(VIETNAMESE_FAMILY);
            let name = format!(
                "{family} {} {}",
                rng.pick(VIETNAMESE_MIDDLE),
                rng.pick(VIETNAMESE_GIVEN)
            );
            family_name = Some(family.to_string());
            if rng.chance(50) {
                variants.push(strip_diacritics(&name));
            }
            name
        }
        c => {
            let (given, family) = WESTERN[c - 8];
            let family = *rng.pick(family);
            if family.contains(' ') {
                family_name = Some(family.to_string());
            }
            format!("{} {family}", rng.pick(given))
        }
    };
    PersonName {
        name,
        family_name,
        variants,
        nationality: culture,
    }
}

fn feminine(family: &str) -> String {
    for (m, f) in [
        ("sky", "skaya"),
        ("ov", "ova"),
        ("ev", "eva"),
        ("in", "ina"),
    ] {
        if let Some(stem) = family.strip_suffix(m) {
            return format!("{stem}{f}");
        }
    }
    family.to_string()
}

fn person(i: usize, rng: &mut Rng) -> Entity {
    let n = person_name(rng);
    let mut roles = Vec::new();
    if rng.chance(65) {
        for _ in 0..rng.range(1, 3) {
            roles.push(role(i, rng));
        }
    }
    let born = rng.range(1940, 1995);
    let description = format!(
        "{} {}, born {born}.",
        NATIONALITY[n.nationality],
        rng.pick(OCCUPATION)
    );
    let links = match rng.chance(40) {
        true => vec![format!(
            "https://www.wikidata.org/wiki/Q{}",
            100_000 + i * 7
        )],
        false => Vec::new(),
    };
    Entity {
        id: slug(&n.name, i),
        kind: "person",
        name: n.name,
        family_name: n.family_name,
        aliases: Vec::new(),
        variants: n.variants,
        roles,
        description,
        links,
    }
}

fn role(i: usize, rng: &mut Rng) -> Role {
    let title = rng.pick(TITLES).to_string();
    let org = (0..8)
        .map(|_| rng.below(i.max(1)))
        .find(|&j| j < i && kind_of(j) == "organization");
    let of = match org {
        Some(j) => Some(entity(j).id),
        None => Some(format!("{} City Council", place_name(rng))),
    };
    let start_year = rng.range(1995, 2024);
    let start = format!(
        "{start_year}-{:02}-{:02}",
        rng.range(1, 12),
        rng.range(1, 28)
    );
    let ended = rng.chance(40);
    let end = ended.then(|| {
        format!(
            "{}-{:02}-{:02}",
            rng.range(start_year + 1, 2025),
            rng.range(1, 12),
            rng.range(1, 28)
        )
    });
    let aliases = match title.as_str() {
        "chairman" => vec!["chair".to_string()],
        "chief executive" => vec!["CEO".to_string()],
        _ => Vec::new(),
    };
    Role {
        title,
        of,
        start: Some(start),
        end,
        aliases,
        of_entity: org,
        current: !ended,
    }
}

pub fn place_name(rng: &mut Rng) -> String {
    capitalise(&format!(
        "{}{}{}",
        rng.pick(PLACE_HEAD),
        rng.pick(PLACE_MID),
        rng.pick(PLACE_TAIL)
    ))
}

/// Capital initials of the significant words: "Institute of Energy Studies" gives "IES".
fn acronym(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

fn organization(i: usize, rng: &mut Rng) -> Entity {
    let place = place_name(rng);
    let (name, aliases, what) = match rng.below(8) {
        0 => {
            let name = format!("{place} Institute for {}", rng.pick(FIELD));
            (
                name.clone(),
                vec![acronym(&name), format!("{place} Institute")],
                "Research institute",
            )
        }
        1 => (
            format!("Ministry of {} of {place}", rng.pick(DOMAIN)),
            vec![],
            "Government ministry",
        ),
        2 => {
            let industry = rng.pick(INDUSTRY);
            let name = format!("{place} {industry} {}", rng.pick(CORP));
            (name, vec![format!("{place} {industry}")], "Company")
        }
        3 => (format!("University of {place}"), vec![], "University"),
        4 => {
            let name = format!("{place} {} Party", rng.pick(IDEOLOGY));
            (name.clone(), vec![acronym(&name)], "Political party")
        }
        5 => {
            let name = format!("National {} Agency of {place}", rng.pick(DOMAIN));
            (
                name,
                vec![format!("{place} {} Agency", rng.pick(DOMAIN))],
                "Government agency",
            )
        }
        6 => (format!("{place} {}", rng.pick(PAPER)), vec![], "Newspaper"),
        _ => (
            format!("Central Bank of {place}"),
            vec![format!("{place} Central Bank")],
            "Central bank",
        ),
    };
    Entity {
        id: slug(&name, i),
        kind: "organization",
        description: format!("{what} based in {place}."),
        name,
        family_name: None,
        aliases,
        variants: Vec::new(),
        roles: Vec::new(),
        links: Vec::new(),
    }
}

fn place_entity(i: usize, rng: &mut Rng) -> Entity {
    let name = place_name(rng);
    Entity {
        id: slug(&name, i),
        kind: "place",
        description: format!("Town of {} inhabitants.", rng.range(2, 900) * 1000),
        name,
        family_name: None,
        aliases: Vec::new(),
        variants: Vec::new(),
        roles: Vec::new(),
        links: Vec::new(),
    }
}
