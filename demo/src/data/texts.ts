/**
 * What the demo's customers buy and what the staff write about them, in the customer's language (the retailer
 * writes to English-speaking customers in English).
 */

export type DemoLanguage = 'tr' | 'en';
export type Bilingual = Readonly<Record<DemoLanguage, string>>;

export interface Product {
  sku: string;
  name: Bilingual;
  /** Net price range in TRY (before 20% KDV). */
  min: number;
  max: number;
  /** How often it is bought. */
  weight: number;
  tag?: string;
}

export const PRODUCTS: readonly Product[] = [
  {
    sku: 'BLZ-22',
    name: { tr: '22 ayar altın bilezik', en: '22-carat gold bangle' },
    min: 25_000,
    max: 60_000,
    weight: 14,
    tag: 'gold',
  },
  {
    sku: 'KLY-14',
    name: { tr: '14 ayar altın kolye', en: '14-carat gold necklace' },
    min: 8_000,
    max: 25_000,
    weight: 16,
    tag: 'gold',
  },
  {
    sku: 'CYR-01',
    name: { tr: 'Çeyrek altın', en: 'Quarter gold coin' },
    min: 4_000,
    max: 5_000,
    weight: 14,
    tag: 'gold',
  },
  {
    sku: 'PRL-TT',
    name: { tr: 'Pırlanta tektaş yüzük', en: 'Diamond solitaire ring' },
    min: 40_000,
    max: 250_000,
    weight: 6,
    tag: 'diamonds',
  },
  {
    sku: 'PRL-KP',
    name: { tr: 'Pırlanta küpe', en: 'Diamond earrings' },
    min: 20_000,
    max: 90_000,
    weight: 6,
    tag: 'diamonds',
  },
  {
    sku: 'ALY-02',
    name: { tr: 'Alyans çifti', en: 'Pair of wedding bands' },
    min: 15_000,
    max: 40_000,
    weight: 8,
    tag: 'bridal',
  },
  { sku: 'GMS-BL', name: { tr: 'Gümüş bileklik', en: 'Silver bracelet' }, min: 1_500, max: 5_000, weight: 12 },
  { sku: 'INC-KL', name: { tr: 'İnci kolye', en: 'Pearl necklace' }, min: 10_000, max: 35_000, weight: 5 },
  {
    sku: 'SAT-CH',
    name: { tr: 'İsviçre kronograf saat', en: 'Swiss chronograph watch' },
    min: 30_000,
    max: 180_000,
    weight: 5,
    tag: 'watches',
  },
  {
    sku: 'SAT-KL',
    name: { tr: 'Klasik kol saati', en: 'Classic wristwatch' },
    min: 6_000,
    max: 28_000,
    weight: 7,
    tag: 'watches',
  },
  { sku: 'CRM-01', name: { tr: 'Altın charm', en: 'Gold charm' }, min: 1_000, max: 3_500, weight: 7 },
];

export const EXTRAS: readonly Product[] = [
  { sku: 'GRV-01', name: { tr: 'İsim gravürü', en: 'Name engraving' }, min: 250, max: 600, weight: 3 },
  { sku: 'HDY-KT', name: { tr: 'Hediye kutusu', en: 'Gift box' }, min: 150, max: 300, weight: 2 },
  { sku: 'ZNC-01', name: { tr: 'Ek zincir', en: 'Extra chain' }, min: 900, max: 2_500, weight: 1 },
];

export const REPAIRS: readonly { item: Bilingual; min: number; max: number }[] = [
  { item: { tr: 'Altın yüzük, ölçü büyütme', en: 'Gold ring, resize up' }, min: 400, max: 1_500 },
  { item: { tr: 'Kolye zinciri onarımı', en: 'Necklace chain repair' }, min: 300, max: 1_200 },
  { item: { tr: 'Saat pil değişimi', en: 'Watch battery replacement' }, min: 250, max: 600 },
  {
    item: { tr: 'Saat bakımı ve su geçirmezlik testi', en: 'Watch service and water-resistance test' },
    min: 2_500,
    max: 9_000,
  },
  { item: { tr: 'Pırlanta yuvası sıkılaştırma', en: 'Diamond setting tightened' }, min: 600, max: 2_000 },
  { item: { tr: 'Beyaz altın rodaj', en: 'White gold rhodium plating' }, min: 800, max: 2_200 },
  { item: { tr: 'Bilezik kilidi değişimi', en: 'Bangle clasp replaced' }, min: 500, max: 1_800 },
];

export const NOTES: readonly Bilingual[] = [
  {
    tr: 'Nişan yüzüğü için pırlanta seçeneklerine baktı; bütçesini netleştirecek.',
    en: 'Looked at diamonds for an engagement ring; will settle the budget.',
  },
  {
    tr: 'Kızının düğünü için çeyrek altın ve bilezik soruyor.',
    en: "Asking about gold coins and a bangle for her daughter's wedding.",
  },
  { tr: 'Beyaz altın tercih ediyor, sarı altını sevmiyor.', en: 'Prefers white gold over yellow.' },
  { tr: 'Yüzük ölçüsü 54.', en: 'Ring size 54.' },
  {
    tr: 'Saat koleksiyoncusu; yeni kronograf modellerinden haberdar edilmek istiyor.',
    en: 'Collects watches; wants to hear about new chronographs.',
  },
  { tr: 'Kurumsal hediye için teklif istedi.', en: 'Asked for a quote for corporate gifts.' },
  { tr: 'Vitrindeki inci kolyeyi ayırttı.', en: 'Reserved the pearl necklace in the window.' },
  { tr: 'Yıldönümü Mart ayında; hatırlatma yapılabilir.', en: 'Anniversary in March; a reminder would be welcome.' },
];

export const CALL_OUTCOMES: readonly Bilingual[] = [
  { tr: 'Ürün hazır, mağazaya gelecek.', en: 'Item ready, will come to the shop.' },
  { tr: 'Ulaşılamadı, sesli mesaj bırakıldı.', en: 'No answer, left a voicemail.' },
  { tr: 'Fiyat bilgisi verildi.', en: 'Gave a price.' },
  { tr: 'Randevu ayarlandı.', en: 'Appointment booked.' },
  { tr: 'Teslimat adresi doğrulandı.', en: 'Delivery address confirmed.' },
];

export const EMAIL_SUBJECTS: readonly { direction: 'inbound' | 'outbound'; subject: Bilingual }[] = [
  {
    direction: 'outbound',
    subject: { tr: 'Yeni koleksiyonumuz mağazalarda', en: 'Our new collection is in the shops' },
  },
  { direction: 'outbound', subject: { tr: 'Siparişiniz hazır', en: 'Your order is ready' } },
  { direction: 'outbound', subject: { tr: 'Faturanız ektedir', en: 'Your invoice is attached' } },
  { direction: 'outbound', subject: { tr: 'Doğum gününüz kutlu olsun', en: 'Happy birthday' } },
  { direction: 'inbound', subject: { tr: 'Yüzük ölçüsü hakkında', en: 'About the ring size' } },
  { direction: 'inbound', subject: { tr: 'Garanti belgesi talebi', en: 'Warranty certificate request' } },
  { direction: 'inbound', subject: { tr: 'Kargo ne zaman gelir?', en: 'When will the parcel arrive?' } },
];

export const MEETINGS: readonly Bilingual[] = [
  { tr: 'Özel tasarım görüşmesi', en: 'Custom design consultation' },
  { tr: 'Gelin seti seçimi', en: 'Choosing a bridal set' },
  { tr: 'Kurumsal hediye sunumu', en: 'Corporate gift presentation' },
  { tr: 'Saat değerleme randevusu', en: 'Watch valuation appointment' },
];

export const TASKS: readonly Bilingual[] = [
  { tr: 'Gravür için müşteriyi ara', en: 'Call the customer about the engraving' },
  { tr: 'Teklifi gönder', en: 'Send the quote' },
  { tr: 'Sertifika kopyasını e-postayla ilet', en: 'E-mail a copy of the certificate' },
  { tr: 'Tamir durumunu bildir', en: 'Update the customer on the repair' },
  { tr: 'Yıldönümü hatırlatması', en: 'Anniversary reminder' },
];

export const TICKETS: readonly { subject: Bilingual; description: Bilingual }[] = [
  {
    subject: { tr: 'Kolye klipsi kırıldı', en: 'Necklace clasp broke' },
    description: {
      tr: 'Satın aldıktan iki hafta sonra klips açılmaz oldu.',
      en: 'Two weeks after buying it the clasp no longer opens.',
    },
  },
  {
    subject: { tr: 'Fatura adresi yanlış', en: 'Wrong billing address' },
    description: {
      tr: 'Faturada eski adres görünüyor, düzeltilmesini istiyor.',
      en: 'The invoice shows the old address; wants it corrected.',
    },
  },
  {
    subject: { tr: 'Online sipariş gecikti', en: 'Online order delayed' },
    description: { tr: 'Kargo takip numarası güncellenmiyor.', en: 'The tracking number does not update.' },
  },
  {
    subject: { tr: 'Saat geri kalıyor', en: 'Watch runs slow' },
    description: {
      tr: 'Bakımdan sonra günde iki dakika geri kalıyor.',
      en: 'Loses two minutes a day since the service.',
    },
  },
  {
    subject: { tr: 'İade talebi', en: 'Return request' },
    description: { tr: 'Hediye edilen bileziğin ölçüsü uymadı.', en: 'The bangle given as a present does not fit.' },
  },
];

/** NPS comments by category. */
export const NPS_COMMENTS: Readonly<Record<'promoter' | 'passive' | 'detractor', readonly Bilingual[]>> = {
  promoter: [
    { tr: 'Çok ilgililerdi, teşekkürler!', en: 'Very attentive staff, thank you!' },
    { tr: 'Gravür harika oldu.', en: 'The engraving came out beautifully.' },
    { tr: 'Her zamanki gibi güler yüzlü hizmet.', en: 'Friendly service as always.' },
  ],
  passive: [
    { tr: 'Fiyatlar biraz yüksek.', en: 'Prices are a little high.' },
    { tr: 'Beklediğimden uzun sürdü.', en: 'It took longer than I expected.' },
  ],
  detractor: [
    { tr: 'Tamir söz verilen tarihte hazır değildi.', en: 'The repair was not ready on the promised date.' },
    { tr: 'Mağazada çok bekledim.', en: 'I waited too long in the shop.' },
    { tr: 'Kargo hasarlı geldi.', en: 'The parcel arrived damaged.' },
  ],
};
