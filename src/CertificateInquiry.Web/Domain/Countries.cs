using System.Collections.Frozen;
using System.Globalization;

namespace CertificateInquiry.Web.Domain;

/// <summary>A country: its ISO 3166-1 alpha-2 code and its name in Persian.</summary>
public sealed record Country(string Code, string Name);

/// <summary>
/// The nationalities a foreign national (تبعه خارجی) may hold: every ISO 3166-1 country except Iran itself, with its
/// Persian name (from the Unicode CLDR's Persian locale as ICU 72 ships it, written without the hamza above «ه»:
/// «امارات متحده عربی»). Afghanistan, Iraq and Pakistan, the nationalities of most foreign holders, come first in
/// <see cref="ForSelect"/>; the rest follow in Persian alphabetical order. Stored as the upper-case code.
/// </summary>
public static class Countries
{
    /// <summary>Iran's code: the nationality of a holder whose <see cref="Person.Nationality"/> is null.</summary>
    public const string Iran = "IR";

    /// <summary>The nationalities shown first, in this order.</summary>
    public static readonly IReadOnlyList<string> FirstClass = ["AF", "IQ", "PK"];

    private static readonly Country[] All =
    [
        new("AD", "آندورا"), // Andorra
        new("AE", "امارات متحده عربی"), // United Arab Emirates
        new("AF", "افغانستان"), // Afghanistan
        new("AG", "آنتیگوا و باربودا"), // Antigua & Barbuda
        new("AI", "آنگویلا"), // Anguilla
        new("AL", "آلبانی"), // Albania
        new("AM", "ارمنستان"), // Armenia
        new("AO", "آنگولا"), // Angola
        new("AQ", "جنوبگان"), // Antarctica
        new("AR", "آرژانتین"), // Argentina
        new("AS", "ساموآی امریکا"), // American Samoa
        new("AT", "اتریش"), // Austria
        new("AU", "استرالیا"), // Australia
        new("AW", "آروبا"), // Aruba
        new("AX", "جزایر آلاند"), // Åland Islands
        new("AZ", "جمهوری آذربایجان"), // Azerbaijan
        new("BA", "بوسنی و هرزگوین"), // Bosnia & Herzegovina
        new("BB", "باربادوس"), // Barbados
        new("BD", "بنگلادش"), // Bangladesh
        new("BE", "بلژیک"), // Belgium
        new("BF", "بورکینافاسو"), // Burkina Faso
        new("BG", "بلغارستان"), // Bulgaria
        new("BH", "بحرین"), // Bahrain
        new("BI", "بوروندی"), // Burundi
        new("BJ", "بنین"), // Benin
        new("BL", "سن بارتلمی"), // St. Barthélemy
        new("BM", "برمودا"), // Bermuda
        new("BN", "برونئی"), // Brunei
        new("BO", "بولیوی"), // Bolivia
        new("BQ", "جزایر کارائیب هلند"), // Caribbean Netherlands
        new("BR", "برزیل"), // Brazil
        new("BS", "باهاما"), // Bahamas
        new("BT", "بوتان"), // Bhutan
        new("BV", "جزیره بووه"), // Bouvet Island
        new("BW", "بوتسوانا"), // Botswana
        new("BY", "بلاروس"), // Belarus
        new("BZ", "بلیز"), // Belize
        new("CA", "کانادا"), // Canada
        new("CC", "جزایر کوکوس"), // Cocos (Keeling) Islands
        new("CD", "کنگو - کینشاسا"), // Congo - Kinshasa
        new("CF", "جمهوری افریقای مرکزی"), // Central African Republic
        new("CG", "کنگو - برازویل"), // Congo - Brazzaville
        new("CH", "سوئیس"), // Switzerland
        new("CI", "ساحل عاج"), // Côte d’Ivoire
        new("CK", "جزایر کوک"), // Cook Islands
        new("CL", "شیلی"), // Chile
        new("CM", "کامرون"), // Cameroon
        new("CN", "چین"), // China
        new("CO", "کلمبیا"), // Colombia
        new("CR", "کاستاریکا"), // Costa Rica
        new("CU", "کوبا"), // Cuba
        new("CV", "کیپ‌ورد"), // Cape Verde
        new("CW", "کوراسائو"), // Curaçao
        new("CX", "جزیره کریسمس"), // Christmas Island
        new("CY", "قبرس"), // Cyprus
        new("CZ", "چک"), // Czechia
        new("DE", "آلمان"), // Germany
        new("DJ", "جیبوتی"), // Djibouti
        new("DK", "دانمارک"), // Denmark
        new("DM", "دومینیکا"), // Dominica
        new("DO", "جمهوری دومینیکن"), // Dominican Republic
        new("DZ", "الجزایر"), // Algeria
        new("EC", "اکوادور"), // Ecuador
        new("EE", "استونی"), // Estonia
        new("EG", "مصر"), // Egypt
        new("EH", "صحرای غربی"), // Western Sahara
        new("ER", "اریتره"), // Eritrea
        new("ES", "اسپانیا"), // Spain
        new("ET", "اتیوپی"), // Ethiopia
        new("FI", "فنلاند"), // Finland
        new("FJ", "فیجی"), // Fiji
        new("FK", "جزایر فالکلند"), // Falkland Islands
        new("FM", "میکرونزی"), // Micronesia
        new("FO", "جزایر فارو"), // Faroe Islands
        new("FR", "فرانسه"), // France
        new("GA", "گابن"), // Gabon
        new("GB", "بریتانیا"), // United Kingdom
        new("GD", "گرنادا"), // Grenada
        new("GE", "گرجستان"), // Georgia
        new("GF", "گویان فرانسه"), // French Guiana
        new("GG", "گرنزی"), // Guernsey
        new("GH", "غنا"), // Ghana
        new("GI", "جبل‌الطارق"), // Gibraltar
        new("GL", "گرینلند"), // Greenland
        new("GM", "گامبیا"), // Gambia
        new("GN", "گینه"), // Guinea
        new("GP", "گوادلوپ"), // Guadeloupe
        new("GQ", "گینه استوایی"), // Equatorial Guinea
        new("GR", "یونان"), // Greece
        new("GS", "جورجیای جنوبی و جزایر ساندویچ جنوبی"), // South Georgia & South Sandwich Islands
        new("GT", "گواتمالا"), // Guatemala
        new("GU", "گوام"), // Guam
        new("GW", "گینه بیسائو"), // Guinea-Bissau
        new("GY", "گویان"), // Guyana
        new("HK", "هنگ‌کنگ"), // Hong Kong SAR China
        new("HM", "هرد و جزایر مک‌دونالد"), // Heard & McDonald Islands
        new("HN", "هندوراس"), // Honduras
        new("HR", "کرواسی"), // Croatia
        new("HT", "هائیتی"), // Haiti
        new("HU", "مجارستان"), // Hungary
        new("ID", "اندونزی"), // Indonesia
        new("IE", "ایرلند"), // Ireland
        new("IL", "اسرائیل"), // Israel
        new("IM", "جزیره من"), // Isle of Man
        new("IN", "هند"), // India
        new("IO", "قلمرو بریتانیا در اقیانوس هند"), // British Indian Ocean Territory
        new("IQ", "عراق"), // Iraq
        new("IS", "ایسلند"), // Iceland
        new("IT", "ایتالیا"), // Italy
        new("JE", "جرزی"), // Jersey
        new("JM", "جامائیکا"), // Jamaica
        new("JO", "اردن"), // Jordan
        new("JP", "ژاپن"), // Japan
        new("KE", "کنیا"), // Kenya
        new("KG", "قرقیزستان"), // Kyrgyzstan
        new("KH", "کامبوج"), // Cambodia
        new("KI", "کیریباتی"), // Kiribati
        new("KM", "کومور"), // Comoros
        new("KN", "سنت کیتس و نویس"), // St. Kitts & Nevis
        new("KP", "کره شمالی"), // North Korea
        new("KR", "کره جنوبی"), // South Korea
        new("KW", "کویت"), // Kuwait
        new("KY", "جزایر کِیمن"), // Cayman Islands
        new("KZ", "قزاقستان"), // Kazakhstan
        new("LA", "لائوس"), // Laos
        new("LB", "لبنان"), // Lebanon
        new("LC", "سنت لوسیا"), // St. Lucia
        new("LI", "لیختن‌اشتاین"), // Liechtenstein
        new("LK", "سری‌لانکا"), // Sri Lanka
        new("LR", "لیبریا"), // Liberia
        new("LS", "لسوتو"), // Lesotho
        new("LT", "لیتوانی"), // Lithuania
        new("LU", "لوکزامبورگ"), // Luxembourg
        new("LV", "لتونی"), // Latvia
        new("LY", "لیبی"), // Libya
        new("MA", "مراکش"), // Morocco
        new("MC", "موناکو"), // Monaco
        new("MD", "مولداوی"), // Moldova
        new("ME", "مونته‌نگرو"), // Montenegro
        new("MF", "سنت مارتین"), // St. Martin
        new("MG", "ماداگاسکار"), // Madagascar
        new("MH", "جزایر مارشال"), // Marshall Islands
        new("MK", "مقدونیه شمالی"), // North Macedonia
        new("ML", "مالی"), // Mali
        new("MM", "میانمار (برمه)"), // Myanmar (Burma)
        new("MN", "مغولستان"), // Mongolia
        new("MO", "ماکائو"), // Macao SAR China
        new("MP", "جزایر ماریانای شمالی"), // Northern Mariana Islands
        new("MQ", "مارتینیک"), // Martinique
        new("MR", "موریتانی"), // Mauritania
        new("MS", "مونت‌سرات"), // Montserrat
        new("MT", "مالت"), // Malta
        new("MU", "موریس"), // Mauritius
        new("MV", "مالدیو"), // Maldives
        new("MW", "مالاوی"), // Malawi
        new("MX", "مکزیک"), // Mexico
        new("MY", "مالزی"), // Malaysia
        new("MZ", "موزامبیک"), // Mozambique
        new("NA", "نامیبیا"), // Namibia
        new("NC", "کالدونیای جدید"), // New Caledonia
        new("NE", "نیجر"), // Niger
        new("NF", "جزیره نورفولک"), // Norfolk Island
        new("NG", "نیجریه"), // Nigeria
        new("NI", "نیکاراگوئه"), // Nicaragua
        new("NL", "هلند"), // Netherlands
        new("NO", "نروژ"), // Norway
        new("NP", "نپال"), // Nepal
        new("NR", "نائورو"), // Nauru
        new("NU", "نیوئه"), // Niue
        new("NZ", "نیوزیلند"), // New Zealand
        new("OM", "عمان"), // Oman
        new("PA", "پاناما"), // Panama
        new("PE", "پرو"), // Peru
        new("PF", "پلی‌نزی فرانسه"), // French Polynesia
        new("PG", "پاپوا گینه نو"), // Papua New Guinea
        new("PH", "فیلیپین"), // Philippines
        new("PK", "پاکستان"), // Pakistan
        new("PL", "لهستان"), // Poland
        new("PM", "سن پیر و میکلن"), // St. Pierre & Miquelon
        new("PN", "جزایر پیت‌کرن"), // Pitcairn Islands
        new("PR", "پورتوریکو"), // Puerto Rico
        new("PS", "فلسطین"), // Palestinian Territories
        new("PT", "پرتغال"), // Portugal
        new("PW", "پالائو"), // Palau
        new("PY", "پاراگوئه"), // Paraguay
        new("QA", "قطر"), // Qatar
        new("RE", "رئونیون"), // Réunion
        new("RO", "رومانی"), // Romania
        new("RS", "صربستان"), // Serbia
        new("RU", "روسیه"), // Russia
        new("RW", "رواندا"), // Rwanda
        new("SA", "عربستان سعودی"), // Saudi Arabia
        new("SB", "جزایر سلیمان"), // Solomon Islands
        new("SC", "سیشل"), // Seychelles
        new("SD", "سودان"), // Sudan
        new("SE", "سوئد"), // Sweden
        new("SG", "سنگاپور"), // Singapore
        new("SH", "سنت هلن"), // St. Helena
        new("SI", "اسلوونی"), // Slovenia
        new("SJ", "سوالبارد و یان ماین"), // Svalbard & Jan Mayen
        new("SK", "اسلواکی"), // Slovakia
        new("SL", "سیرالئون"), // Sierra Leone
        new("SM", "سان‌مارینو"), // San Marino
        new("SN", "سنگال"), // Senegal
        new("SO", "سومالی"), // Somalia
        new("SR", "سورینام"), // Suriname
        new("SS", "سودان جنوبی"), // South Sudan
        new("ST", "سائوتومه و پرینسیپ"), // São Tomé & Príncipe
        new("SV", "السالوادور"), // El Salvador
        new("SX", "سنت مارتن"), // Sint Maarten
        new("SY", "سوریه"), // Syria
        new("SZ", "اسواتینی"), // Eswatini
        new("TC", "جزایر تورکس و کایکوس"), // Turks & Caicos Islands
        new("TD", "چاد"), // Chad
        new("TF", "سرزمین‌های جنوبی فرانسه"), // French Southern Territories
        new("TG", "توگو"), // Togo
        new("TH", "تایلند"), // Thailand
        new("TJ", "تاجیکستان"), // Tajikistan
        new("TK", "توکلائو"), // Tokelau
        new("TL", "تیمور-لسته"), // Timor-Leste
        new("TM", "ترکمنستان"), // Turkmenistan
        new("TN", "تونس"), // Tunisia
        new("TO", "تونگا"), // Tonga
        new("TR", "ترکیه"), // Turkey
        new("TT", "ترینیداد و توباگو"), // Trinidad & Tobago
        new("TV", "تووالو"), // Tuvalu
        new("TW", "تایوان"), // Taiwan
        new("TZ", "تانزانیا"), // Tanzania
        new("UA", "اوکراین"), // Ukraine
        new("UG", "اوگاندا"), // Uganda
        new("UM", "جزایر دورافتاده ایالات متحده"), // U.S. Outlying Islands
        new("US", "ایالات متحده آمریکا"), // United States
        new("UY", "اروگوئه"), // Uruguay
        new("UZ", "ازبکستان"), // Uzbekistan
        new("VA", "واتیکان"), // Vatican City
        new("VC", "سنت وینسنت و گرنادین"), // St. Vincent & Grenadines
        new("VE", "ونزوئلا"), // Venezuela
        new("VG", "جزایر ویرجین بریتانیا"), // British Virgin Islands
        new("VI", "جزایر ویرجین ایالات متحده"), // U.S. Virgin Islands
        new("VN", "ویتنام"), // Vietnam
        new("VU", "وانواتو"), // Vanuatu
        new("WF", "والیس و فوتونا"), // Wallis & Futuna
        new("WS", "ساموآ"), // Samoa
        new("YE", "یمن"), // Yemen
        new("YT", "مایوت"), // Mayotte
        new("ZA", "افریقای جنوبی"), // South Africa
        new("ZM", "زامبیا"), // Zambia
        new("ZW", "زیمبابوه"), // Zimbabwe
    ];

    private static readonly CompareInfo PersianOrder = CultureInfo.GetCultureInfo("fa-IR").CompareInfo;

    private static readonly FrozenDictionary<string, Country> ByCode = All.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>Every foreign nationality: the first-class ones, then the rest by their Persian names.</summary>
    public static IReadOnlyList<Country> ForSelect { get; } =
    [
        .. FirstClass.Select(code => ByCode[code]),
        .. All.Where(c => !FirstClass.Contains(c.Code))
            .Order(Comparer<Country>.Create((a, b) => PersianOrder.Compare(a.Name, b.Name, CompareOptions.None))),
    ];

    /// <summary>How many foreign nationalities there are (ISO 3166-1 has 249 countries; Iran is not among them here).</summary>
    public static int Count => All.Length;

    /// <summary>Whether <paramref name="code"/> is a foreign nationality's code, exactly as stored (two upper-case letters).</summary>
    public static bool IsForeign(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>
    /// The stored code for what a form or a file holds: trimmed and upper-cased (“af ” → “AF”); null when it is no
    /// foreign nationality (Iran included).
    /// </summary>
    public static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var candidate = code.Trim().ToUpperInvariant();
        return IsForeign(candidate) ? candidate : null;
    }

    /// <summary>The Persian name of a nationality code; «ایران» for Iran or null; the code itself when unknown.</summary>
    public static string NameOf(string? code) =>
        code is null || code == Iran ? "ایران" : ByCode.TryGetValue(code, out var country) ? country.Name : code;
}
