// The generator's embedded vocabulary: per country, names (with a Latin form for e-mail
// addresses), nicknames, cities with postcodes, street patterns and phone formats.
// Modest lists, but international: accented Latin, Cyrillic, Chinese and Japanese names.
import type { Rng } from './prng';

/** A name as written, and its Latin form (e-mail local parts, romanised variants). */
export interface Name {
  text: string;
  latin: string;
  /** The Latin form in lower case without spaces: the e-mail local part's building block. */
  key: string;
}

export interface Street {
  full: string;
  /** The same address with the street type abbreviated ("Street" → "St"). */
  short: string;
}

export interface Locale {
  code: string;
  country: string;
  /** Other ways people write the country (ISO codes, native names). */
  aliases: string[];
  weight: number;
  first: Name[];
  last: Name[];
  nicknames: Record<string, string[]>;
  cities: { name: string; postcode: (rng: Rng) => string }[];
  street: (rng: Rng) => Street;
  phone: { cc: string; nsn: number; lead: string; formats: string[] };
  domains: string[];
}

/** "Müller Schmidt 佐藤:Sato" → names; the Latin form is derived unless given after a colon. */
function names(list: string): Name[] {
  return list
    .trim()
    .split(/\s+/)
    .map((w) => {
      const [text, latin] = w.split(':') as [string, string | undefined];
      const shown = text.replaceAll('_', ' ');
      const l = latin ?? toLatin(shown);
      return { text: shown, latin: l, key: l.toLowerCase().replaceAll(' ', '') };
    });
}

const SPECIAL: Record<string, string> = { ß: 'ss', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', đ: 'd', "'": '' };

/** Latin letters without diacritics, for e-mail local parts. */
export function toLatin(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    out += SPECIAL[ch] ?? ch;
  }
  return out.replace(/[^A-Za-z ]/g, '');
}

const digitsPostcode = (prefix: string, total: number) => (rng: Rng) => prefix + rng.digits(total - prefix.length);
const city = (name: string, postcode: (rng: Rng) => string) => ({ name, postcode });

/** Builds "number name type" style streets from parts, with an abbreviation table. */
function streetOf(render: (n: number, name: string, type: string) => string, streets: string[], types: [string, string][], maxNo = 250) {
  return (rng: Rng): Street => {
    const n = rng.int(1, maxNo);
    const name = rng.pick(streets);
    const [full, short] = rng.pick(types);
    return { full: render(n, name, full), short: render(n, name, short) };
  };
}

const EN_TYPES: [string, string][] = [['Street', 'St'], ['Avenue', 'Ave'], ['Road', 'Rd'], ['Boulevard', 'Blvd'], ['Drive', 'Dr'], ['Lane', 'Ln']];
const UK_TYPES: [string, string][] = [['Road', 'Rd'], ['Street', 'St'], ['Lane', 'Ln'], ['Close', 'Cl'], ['Avenue', 'Ave'], ['Crescent', 'Cres']];
const UK_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export const LOCALES: Locale[] = [
  {
    code: 'us', country: 'United States', aliases: ['USA', 'US', 'U.S.', 'United States of America'], weight: 24,
    first: names('James Mary Robert Patricia John Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica Thomas Sarah Christopher Karen Daniel Nancy Matthew Margaret Anthony Ashley'),
    last: names("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Wilson Anderson Taylor Moore Jackson Martin Lee Thompson White Harris Clark O'Connor"),
    nicknames: {
      James: ['Jim', 'Jimmy'], Robert: ['Bob', 'Rob'], John: ['Johnny', 'Jack'], Michael: ['Mike'], William: ['Bill', 'Will'],
      Elizabeth: ['Liz', 'Beth'], Richard: ['Rick', 'Dick'], Joseph: ['Joe'], Thomas: ['Tom'], Christopher: ['Chris'],
      Daniel: ['Dan', 'Danny'], Matthew: ['Matt'], Margaret: ['Maggie', 'Peggy'], Jennifer: ['Jen', 'Jenny'], Patricia: ['Pat', 'Patty'],
      Susan: ['Sue'], Jessica: ['Jess'], Barbara: ['Barb'], Anthony: ['Tony'], David: ['Dave'],
    },
    cities: [
      city('New York', digitsPostcode('100', 5)), city('Los Angeles', digitsPostcode('900', 5)), city('Chicago', digitsPostcode('606', 5)),
      city('Houston', digitsPostcode('770', 5)), city('Phoenix', digitsPostcode('850', 5)), city('Philadelphia', digitsPostcode('191', 5)),
      city('San Antonio', digitsPostcode('782', 5)), city('Seattle', digitsPostcode('981', 5)), city('Boston', digitsPostcode('021', 5)),
      city('Denver', digitsPostcode('802', 5)),
    ],
    street: streetOf((n, s, t) => `${n * 10 + 1} ${s} ${t}`, ['Main', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Sunset', 'Lincoln'], EN_TYPES),
    phone: { cc: '1', nsn: 10, lead: '2', formats: ['(###) ###-####', '###-###-####', '+1 ### ### ####', '###.###.####', '+1##########'] },
    domains: ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'aol.com', 'icloud.com'],
  },
  {
    code: 'gb', country: 'United Kingdom', aliases: ['UK', 'GB', 'Great Britain', 'England'], weight: 12,
    first: names('Oliver Amelia George Isla Harry Ava Jack Emily Charlotte Alfie Sophie Lily Oscar Grace Arthur Freya Noah Poppy Siobhán Eóin'),
    last: names("Smith Jones Taylor Brown Williams Wilson Johnson Davies Evans Thomas Roberts Walker Wright Robinson Hughes O'Brien Patel Khan MacDonald"),
    nicknames: { Oliver: ['Ollie'], Charlotte: ['Lottie', 'Charlie'], Harry: ['Hal'], Alfie: ['Alf'], Arthur: ['Art'], Amelia: ['Millie'], Sophie: ['Soph'] },
    cities: [
      ['London', 'SW1A'], ['London', 'E1'], ['Manchester', 'M1'], ['Birmingham', 'B2'], ['Leeds', 'LS1'], ['Glasgow', 'G1'],
      ['Edinburgh', 'EH1'], ['Bristol', 'BS1'], ['Liverpool', 'L1'], ['Cardiff', 'CF10'],
    ].map(([name, out]) => city(name!, (rng) => `${out} ${rng.int(1, 9)}${rng.pick([...UK_LETTERS])}${rng.pick([...UK_LETTERS])}`)),
    street: streetOf((n, s, t) => `${n} ${s} ${t}`, ['High', 'Station', 'Church', 'Victoria', 'Green', 'Manor', 'Park', "Queen's", 'Mill', 'Kingsway'], UK_TYPES, 180),
    phone: { cc: '44', nsn: 10, lead: '7', formats: ['+44 #### ######', '0#### ######', '+44##########', '(0####) ######'] },
    domains: ['gmail.com', 'btinternet.com', 'outlook.com', 'yahoo.co.uk', 'sky.com'],
  },
  {
    code: 'de', country: 'Germany', aliases: ['Deutschland', 'DE', 'GER', 'Federal Republic of Germany'], weight: 12,
    first: names('Lukas Anna Jürgen Jörg Maximilian Sophie Leon Marie Felix Lena Paul Hannah Jonas Lea Björn Katharina Stefan Sabine Uwe Günter Müge'),
    last: names('Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Yılmaz'),
    nicknames: { Maximilian: ['Max'], Katharina: ['Kathi', 'Katja'], Stefan: ['Steffen'], Jürgen: ['Jürgi'], Sabine: ['Bine'], Jonas: ['Joni'] },
    cities: [
      ['Berlin', '10'], ['Hamburg', '20'], ['München', '80'], ['Köln', '50'], ['Frankfurt am Main', '60'], ['Stuttgart', '70'],
      ['Düsseldorf', '40'], ['Leipzig', '04'], ['Dresden', '01'], ['Nürnberg', '90'],
    ].map(([name, pre]) => city(name!, digitsPostcode(pre!, 5))),
    street: (rng) => {
      const n = rng.int(1, 120);
      const base = rng.pick(['Haupt', 'Bahnhof', 'Schul', 'Garten', 'Berg', 'Kirch', 'Wald', 'Goethe', 'Schiller', 'Linden', 'Friedrich']);
      return rng.chance(0.85)
        ? { full: `${base}straße ${n}`, short: `${base}str. ${n}` }
        : { full: `${base}weg ${n}`, short: `${base}weg ${n}` };
    },
    phone: { cc: '49', nsn: 10, lead: '3', formats: ['+49 ### #######', '0### #######', '0###/#######', '+49##########', '(0###) #######'] },
    domains: ['web.de', 'gmx.de', 't-online.de', 'gmail.com', 'posteo.de'],
  },
  {
    code: 'fr', country: 'France', aliases: ['FR', 'République française', 'FRA'], weight: 10,
    first: names('Jean Marie Pierre Camille Léa Chloé Hélène François Théo Zoé Louis Manon Hugo Inès Gabriel Élodie Nicolas Céline Mathieu Amélie Jean-Baptiste'),
    last: names('Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre Michel Garcia David Bertrand Roux Fontaine Chevalier Benoît'),
    nicknames: { Nicolas: ['Nico'], Mathieu: ['Matt'], 'Jean-Baptiste': ['JB'], François: ['Franck'], Élodie: ['Lodie'], Gabriel: ['Gaby'] },
    cities: [
      ['Paris', '750'], ['Marseille', '130'], ['Lyon', '690'], ['Toulouse', '310'], ['Nice', '060'], ['Nantes', '440'],
      ['Strasbourg', '670'], ['Montpellier', '340'], ['Bordeaux', '330'], ['Lille', '590'],
    ].map(([name, pre]) => city(name!, digitsPostcode(pre!, 5))),
    street: streetOf((n, s, t) => `${n} ${t} ${s}`, ['de la Paix', 'Victor Hugo', 'de la République', 'Jean Jaurès', 'du Moulin', 'des Écoles', 'Pasteur', 'Gambetta', 'Saint-Michel'], [['rue', 'r.'], ['avenue', 'av.'], ['boulevard', 'bd'], ['place', 'pl.']], 150),
    phone: { cc: '33', nsn: 9, lead: '6', formats: ['+33 # ## ## ## ##', '0# ## ## ## ##', '0#.##.##.##.##', '+33#########'] },
    domains: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com', 'sfr.fr'],
  },
  {
    code: 'es', country: 'Spain', aliases: ['España', 'ES', 'ESP', 'Espana'], weight: 8,
    first: names('José María Antonio Carmen Manuel Lucía Francisco Sofía Javier Ana Álvaro Begoña Íñigo Núria Sergio Paula'),
    last: names('García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Navarro Ibáñez'),
    nicknames: { Francisco: ['Paco', 'Curro'], José: ['Pepe'], Manuel: ['Manolo'], Antonio: ['Toño'], Javier: ['Javi'], María: ['Mari'] },
    cities: [
      ['Madrid', '280'], ['Barcelona', '080'], ['Valencia', '460'], ['Sevilla', '410'], ['Zaragoza', '500'], ['Málaga', '290'],
      ['Bilbao', '480'], ['A Coruña', '150'],
    ].map(([name, pre]) => city(name!, digitsPostcode(pre!, 5))),
    street: streetOf((n, s, t) => `${t} ${s}, ${n}`, ['Mayor', 'de Alcalá', 'Gran Vía', 'del Sol', 'de la Constitución', 'Real', 'San Fernando', 'Castellana'], [['Calle', 'C/'], ['Avenida', 'Avda.'], ['Paseo', 'Pº']], 140),
    phone: { cc: '34', nsn: 9, lead: '6', formats: ['+34 ### ### ###', '### ## ## ##', '+34#########', '### ### ###'] },
    domains: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net'],
  },
  {
    code: 'pl', country: 'Poland', aliases: ['Polska', 'PL', 'POL'], weight: 5,
    first: names('Piotr Anna Krzysztof Małgorzata Tomasz Katarzyna Paweł Agnieszka Łukasz Magdalena Michał Joanna Grzegorz Żaneta'),
    last: names('Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski'),
    nicknames: { Krzysztof: ['Krzyś'], Małgorzata: ['Gosia'], Katarzyna: ['Kasia'], Tomasz: ['Tomek'], Michał: ['Michu'], Agnieszka: ['Aga'] },
    cities: [
      ['Warszawa', '0'], ['Kraków', '3'], ['Łódź', '9'], ['Wrocław', '5'], ['Poznań', '6'], ['Gdańsk', '8'],
    ].map(([name, pre]) => city(name!, (rng) => `${pre}${rng.digits(1)}-${rng.digits(3)}`)),
    street: streetOf((n, s, t) => `${t} ${s} ${n}`, ['Marszałkowska', 'Długa', 'Polna', 'Leśna', 'Słoneczna', 'Krótka', 'Szkolna', 'Ogrodowa'], [['ulica', 'ul.'], ['aleja', 'al.']], 90),
    phone: { cc: '48', nsn: 9, lead: '5', formats: ['+48 ### ### ###', '### ### ###', '###-###-###', '+48#########'] },
    domains: ['wp.pl', 'onet.pl', 'interia.pl', 'gmail.com'],
  },
  {
    code: 'se', country: 'Sweden', aliases: ['Sverige', 'SE', 'SWE'], weight: 4,
    first: names('Erik Anna Lars Karin Anders Maria Johan Eva Per Åsa Björn Ingrid Sören Linnéa'),
    last: names('Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Lindström Åberg Sjöberg'),
    nicknames: { Johan: ['Jojje'], Lars: ['Lasse'], Anders: ['Ante'], Karin: ['Kajsa'] },
    cities: [['Stockholm', '11'], ['Göteborg', '41'], ['Malmö', '21'], ['Uppsala', '75']].map(([name, pre]) => city(name!, (rng) => `${pre}${rng.digits(1)} ${rng.digits(2)}`)),
    street: streetOf((n, s, t) => `${s}${t} ${n}`, ['Stor', 'Kungs', 'Drottning', 'Skol', 'Kyrko', 'Järnvägs'], [['gatan', 'g.'], ['vägen', 'v.']], 80),
    phone: { cc: '46', nsn: 9, lead: '7', formats: ['+46 ## ### ## ##', '0##-### ## ##', '+46#########'] },
    domains: ['telia.com', 'gmail.com', 'hotmail.se', 'bredband.net'],
  },
  {
    code: 'in', country: 'India', aliases: ['IN', 'IND', 'Bharat'], weight: 8,
    first: names('Aarav Priya Rahul Ananya Arjun Diya Vikram Sneha Rohan Kavya Aditya Lakshmi Sai Pooja'),
    last: names('Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Das Mehta Chatterjee Rao'),
    nicknames: { Aditya: ['Adi'], Vikram: ['Vicky'], Priya: ['Pri'], Ananya: ['Anu'] },
    cities: [['Mumbai', '400'], ['Delhi', '110'], ['Bengaluru', '560'], ['Chennai', '600'], ['Hyderabad', '500'], ['Kolkata', '700']].map(([name, pre]) => city(name!, digitsPostcode(pre!, 6))),
    street: streetOf((n, s, t) => `${n}, ${s} ${t}`, ['MG', 'Station', 'Nehru', 'Gandhi', 'Park', 'Temple', 'Lake View'], [['Road', 'Rd'], ['Street', 'St'], ['Marg', 'Mg']], 400),
    phone: { cc: '91', nsn: 10, lead: '9', formats: ['+91 ##### #####', '0##### #####', '+91-##########', '##########'] },
    domains: ['gmail.com', 'rediffmail.com', 'yahoo.co.in', 'outlook.com'],
  },
  {
    code: 'br', country: 'Brazil', aliases: ['Brasil', 'BR', 'BRA'], weight: 6,
    first: names('João Ana Luís Mariana Gabriel Júlia Pedro Beatriz Lucas Letícia Conceição Thiago'),
    last: names('Silva Santos Oliveira Souza Pereira Lima Carvalho Ferreira Araújo Gonçalves Magalhães Assunção'),
    nicknames: { Luís: ['Lu'], Mariana: ['Mari'], Gabriel: ['Biel'], Pedro: ['Pedrinho'], Beatriz: ['Bia'] },
    cities: [['São Paulo', '01'], ['Rio de Janeiro', '20'], ['Brasília', '70'], ['Salvador', '40'], ['Belo Horizonte', '30']].map(([name, pre]) => city(name!, (rng) => `${pre}${rng.digits(3)}-${rng.digits(3)}`)),
    street: streetOf((n, s, t) => `${t} ${s}, ${n}`, ['Augusta', 'das Flores', 'São João', 'XV de Novembro', 'Paulista', 'Sete de Setembro'], [['Rua', 'R.'], ['Avenida', 'Av.']], 900),
    phone: { cc: '55', nsn: 11, lead: '1', formats: ['+55 (##) #####-####', '(##) #####-####', '+55###########'] },
    domains: ['gmail.com', 'uol.com.br', 'bol.com.br', 'hotmail.com'],
  },
  {
    code: 'jp', country: 'Japan', aliases: ['日本', 'JP', 'JPN', 'Nippon'], weight: 4,
    first: names('翔太:Shota 陽菜:Hina 大輝:Daiki 結衣:Yui 健:Ken 美咲:Misaki 蓮:Ren 葵:Aoi 拓海:Takumi さくら:Sakura'),
    last: names('佐藤:Sato 鈴木:Suzuki 高橋:Takahashi 田中:Tanaka 伊藤:Ito 渡辺:Watanabe 山本:Yamamoto 中村:Nakamura 小林:Kobayashi'),
    nicknames: {},
    cities: [['東京', '100'], ['大阪', '530'], ['横浜', '220'], ['京都', '600'], ['札幌', '060']].map(([name, pre]) => city(name!, (rng) => `${pre}-${rng.digits(4)}`)),
    street: (rng) => {
      const s = `${rng.pick(['渋谷区神南', '港区六本木', '中央区銀座', '新宿区西新宿', '北区梅田', '中京区三条'])}${rng.int(1, 5)}-${rng.int(1, 30)}-${rng.int(1, 20)}`;
      return { full: s, short: s.replace(/区.*?(\d)/, '区$1') };
    },
    phone: { cc: '81', nsn: 10, lead: '9', formats: ['+81 ##-####-####', '0##-####-####', '+81##########'] },
    domains: ['yahoo.co.jp', 'docomo.ne.jp', 'gmail.com', 'ezweb.ne.jp'],
  },
  {
    code: 'cn', country: 'China', aliases: ['中国', 'CN', 'CHN', "People's Republic of China", 'PRC'], weight: 3,
    first: names('伟:Wei 芳:Fang 娜:Na 敏:Min 静:Jing 磊:Lei 洋:Yang 婷:Ting 强:Qiang 丽:Li 子轩:Zixuan'),
    last: names('王:Wang 李:Li 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang 赵:Zhao 周:Zhou'),
    nicknames: {},
    cities: [['北京', '100'], ['上海', '200'], ['广州', '510'], ['深圳', '518'], ['成都', '610']].map(([name, pre]) => city(name!, digitsPostcode(pre!, 6))),
    street: (rng) => {
      const name = rng.pick(['中山', '人民', '解放', '建设', '南京', '长安']);
      const n = rng.int(1, 400);
      return { full: `${name}路${n}号`, short: `${name}路${n}` };
    },
    phone: { cc: '86', nsn: 11, lead: '1', formats: ['+86 ### #### ####', '###-####-####', '+86###########', '###########'] },
    domains: ['qq.com', '163.com', '126.com', 'sina.com'],
  },
  {
    code: 'ru', country: 'Russia', aliases: ['Россия', 'RU', 'RUS', 'Russian Federation'], weight: 3,
    first: names('Дмитрий:Dmitry Анна:Anna Сергей:Sergey Елена:Elena Алексей:Alexey Ольга:Olga Иван:Ivan Наталья:Natalya Юлия:Yulia'),
    last: names('Иванов:Ivanov Смирнов:Smirnov Кузнецов:Kuznetsov Попов:Popov Васильев:Vasilyev Петров:Petrov Соколов:Sokolov Волков:Volkov'),
    nicknames: { Дмитрий: ['Дима'], Алексей: ['Лёша'], Иван: ['Ваня'], Наталья: ['Наташа'], Елена: ['Лена'], Ольга: ['Оля'], Сергей: ['Серёжа'], Юлия: ['Юля'] },
    cities: [['Москва', '10'], ['Санкт-Петербург', '19'], ['Новосибирск', '63'], ['Екатеринбург', '62'], ['Казань', '42']].map(([name, pre]) => city(name!, digitsPostcode(pre!, 6))),
    street: streetOf((n, s, t) => `${t} ${s}, д. ${n}`, ['Ленина', 'Пушкина', 'Гагарина', 'Советская', 'Мира', 'Садовая'], [['улица', 'ул.'], ['проспект', 'пр-т']], 120),
    phone: { cc: '7', nsn: 10, lead: '9', formats: ['+7 (###) ###-##-##', '8 (###) ###-##-##', '+7##########', '8##########'] },
    domains: ['yandex.ru', 'mail.ru', 'gmail.com', 'rambler.ru'],
  },
];

export const LOCALE_WEIGHTS = LOCALES.map((l) => l.weight);

/** Formats a national number with a template: `#` takes the next digit; a leading 0/8 is the trunk prefix. */
export function formatPhone(nsn: string, template: string): string {
  let i = 0;
  let out = '';
  for (const ch of template) {
    if (ch === '#') out += nsn[i++] ?? '';
    else out += ch;
  }
  return out;
}

/** Mis-typed neighbours on a QWERTY keyboard, for realistic substitutions. */
export const KEY_NEIGHBOURS: Record<string, string> = {
  a: 'qwsz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wsdr', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', i: 'ujko', j: 'huikmn',
  k: 'jiolm', l: 'kop', m: 'njk', n: 'bhjm', o: 'iklp', p: 'ol', q: 'wa', r: 'edft', s: 'awedxz', t: 'rfgy', u: 'yhji',
  v: 'cfgb', w: 'qase', x: 'zsdc', y: 'tghu', z: 'asx',
};

export const STATUSES = ['active', 'inactive', 'pending', 'closed'] as const;
export const STATUS_WEIGHTS = [62, 18, 12, 8];

export const MISSING_TOKENS = ['N/A', 'NULL', '-', 'n/a', 'none', '?'];

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
