/** Where the demo's jewellery retailer has shops and where its customers live. */

export interface Shop {
  /** Shown on purchases (`data.store`) and used in notes. */
  name: string;
  city: string;
}

/** The retailer's shops: three cities, and the web shop. */
export const SHOPS = {
  istanbulNisantasi: { name: 'İstanbul Nişantaşı', city: 'İstanbul' },
  istanbulBagdat: { name: 'İstanbul Bağdat Caddesi', city: 'İstanbul' },
  istanbulKanyon: { name: 'İstanbul Kanyon', city: 'İstanbul' },
  ankaraTunali: { name: 'Ankara Tunalı Hilmi', city: 'Ankara' },
  ankaraPanora: { name: 'Ankara Panora', city: 'Ankara' },
  izmirAlsancak: { name: 'İzmir Alsancak', city: 'İzmir' },
  web: { name: 'Online', city: '' },
} as const satisfies Record<string, Shop>;

export type ShopId = keyof typeof SHOPS;

export interface City {
  city: string;
  country: string;
  /** Share of customers. */
  weight: number;
  districts: readonly string[];
  /** The shops a customer from here visits; the web shop is always open to them. */
  shops: readonly ShopId[];
  /** First digits of postcodes. */
  postcode: string;
  /** How phones from here look; `tr` is a Turkish mobile. */
  phone: 'tr' | 'gb' | 'de';
}

export const CITIES: readonly City[] = [
  {
    city: 'İstanbul',
    country: 'TR',
    weight: 48,
    districts: ['Beşiktaş', 'Kadıköy', 'Şişli', 'Üsküdar', 'Sarıyer', 'Bakırköy', 'Ataşehir', 'Beyoğlu', 'Fatih'],
    shops: ['istanbulNisantasi', 'istanbulBagdat', 'istanbulKanyon'],
    postcode: '34',
    phone: 'tr',
  },
  {
    city: 'Ankara',
    country: 'TR',
    weight: 21,
    districts: ['Çankaya', 'Keçiören', 'Yenimahalle', 'Etimesgut', 'Gölbaşı', 'Altındağ'],
    shops: ['ankaraTunali', 'ankaraPanora'],
    postcode: '06',
    phone: 'tr',
  },
  {
    city: 'İzmir',
    country: 'TR',
    weight: 17,
    districts: ['Konak', 'Karşıyaka', 'Bornova', 'Buca', 'Çeşme', 'Urla', 'Göztepe'],
    shops: ['izmirAlsancak'],
    postcode: '35',
    phone: 'tr',
  },
  {
    city: 'Bursa',
    country: 'TR',
    weight: 4,
    districts: ['Nilüfer', 'Osmangazi'],
    shops: [],
    postcode: '16',
    phone: 'tr',
  },
  {
    city: 'Antalya',
    country: 'TR',
    weight: 3,
    districts: ['Muratpaşa', 'Konyaaltı'],
    shops: [],
    postcode: '07',
    phone: 'tr',
  },
  {
    city: 'Eskişehir',
    country: 'TR',
    weight: 2,
    districts: ['Tepebaşı', 'Odunpazarı'],
    shops: [],
    postcode: '26',
    phone: 'tr',
  },
  { city: 'Muğla', country: 'TR', weight: 2, districts: ['Bodrum', 'Fethiye'], shops: [], postcode: '48', phone: 'tr' },
  { city: 'Trabzon', country: 'TR', weight: 1, districts: ['Ortahisar'], shops: [], postcode: '61', phone: 'tr' },
  {
    city: 'London',
    country: 'GB',
    weight: 1,
    districts: ['Kensington', 'Islington'],
    shops: [],
    postcode: 'W',
    phone: 'gb',
  },
  {
    city: 'Berlin',
    country: 'DE',
    weight: 1,
    districts: ['Kreuzberg', 'Charlottenburg'],
    shops: [],
    postcode: '10',
    phone: 'de',
  },
];

export const STREETS = [
  'Abdi İpekçi Cad.',
  'Bağdat Cad.',
  'Atatürk Bulvarı',
  'Cumhuriyet Cad.',
  'Kıbrıs Şehitleri Cad.',
  'Gazi Mustafa Kemal Bulvarı',
  'Halaskargazi Cad.',
  'Çiçek Sok.',
  'Gül Sok.',
  'Şehit Nevres Bulvarı',
  'İnönü Cad.',
  'Özgürlük Cad.',
];

export const FOREIGN_STREETS = ['High Street', 'Church Road', 'Station Road', 'Kastanienallee', 'Bergmannstraße'];
