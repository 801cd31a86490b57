/** Names, places and companies for customer fixtures: Turkish and English, with the letters that trip up code. */

export const CUSTOMER_NAMES = [
  'Ayşe Yılmaz',
  'Emily Clarke',
  'İsmail Çelik',
  'Oliver Smith',
  'Şebnem Aydın',
  'Amelia Jones',
  'Ümit Güneş',
  'Harry Taylor',
  'Çağla Şahin',
  "Siobhan O'Neill",
  'Ilgaz Doğan',
  'George Brown',
  'Özge Yıldız',
  'Isla Wilson',
  'Gökhan Kılıç',
  'Jack Evans',
  'Zeynep Kaya',
  'Şule Erdoğan',
  'Mehmet Öztürk',
  'Ağaoğlu İnşaat Ltd. Şti.',
] as const;

export interface FixtureCity {
  city: string;
  district: string;
  country: 'TR' | 'GB';
  postalCode: string;
}

/** `İstanbul`, `İzmir` and `Isparta` differ only in the dotted capital İ: prefix filters must tell them apart. */
export const CITIES: readonly FixtureCity[] = [
  { city: 'İstanbul', district: 'Kadıköy', country: 'TR', postalCode: '34710' },
  { city: 'London', district: 'Camden', country: 'GB', postalCode: 'NW1 8NH' },
  { city: 'İzmir', district: 'Karşıyaka', country: 'TR', postalCode: '35530' },
  { city: 'Ankara', district: 'Çankaya', country: 'TR', postalCode: '06690' },
  { city: 'Manchester', district: 'Ancoats', country: 'GB', postalCode: 'M4 6BF' },
  { city: 'Isparta', district: 'Eğirdir', country: 'TR', postalCode: '32500' },
  { city: 'Bursa', district: 'Nilüfer', country: 'TR', postalCode: '16110' },
  { city: 'Edinburgh', district: 'Leith', country: 'GB', postalCode: 'EH6 6QU' },
];

export const COMPANIES = [
  'Anadolu Tekstil A.Ş.',
  'Thames Analytics Ltd',
  'Boğaziçi Lojistik',
  'Pennine Outdoor Co.',
  'Ege Zeytincilik',
] as const;

export const OWNERS = ['usr_selin', 'usr_burak', 'usr_sarah', 'usr_tom'] as const;

const ASCII: Record<string, string> = {
  ç: 'c',
  ğ: 'g',
  ı: 'i',
  İ: 'i',
  ö: 'o',
  ş: 's',
  ü: 'u',
  Ç: 'c',
  Ğ: 'g',
  Ö: 'o',
  Ş: 's',
  Ü: 'u',
};

/** `Şebnem Aydın` → `sebnem.aydin`, for e-mail addresses. */
export function emailLocalPart(name: string): string {
  return [...name]
    .map((char) => ASCII[char] ?? char)
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
