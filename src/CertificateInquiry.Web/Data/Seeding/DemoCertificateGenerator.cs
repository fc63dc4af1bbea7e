using System.Globalization;
using System.Text;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Data.Seeding;

/// <summary>
/// Writes a realistic, repeatable certificate file in the import layout: natural Persian names, valid national
/// codes, certificates and licenses across provinces, trades and programs, some revoked, some licenses expired.
/// The same seed always gives the same file. Used for the demo database, the tests and the import benchmark.
/// </summary>
public static class DemoCertificateGenerator
{
    public const string Header =
        "certificate_number,kind,national_code,first_name,last_name,father_name,birth_date,gender,standard_code,standard_title,standard_hours,exam_date,issue_date,expiry_date,province,training_center,status,program";

    /// <summary>Hand-picked records that the README offers as lookups to try.</summary>
    public static readonly IReadOnlyList<string> Showcase =
    [
        "1401-08-000101,certificate,0076543218,مریم,احمدی,حسن,1370/03/15,female,4311-10-001,حسابدار عمومی,320,1401/04/20,1401/05/10,,تهران,مرکز آموزش فنی و حرفه‌ای شماره ۱ تهران,valid,tvto",
        "1402-04-000102,license,1270123459,علی,رضایی,محمود,1365/11/02,male,7411-20-002,برق‌کار ساختمان درجه ۲,360,1402/02/11,1402/03/01,1407/03/01,اصفهان,مرکز آموزش فنی و حرفه‌ای شماره ۲ اصفهان,valid,tvto",
        "1395-17-000103,license,2280765438,حسین,کریمی,عباس,1360/07/21,male,7126-30-003,لوله‌کش گاز خانگی و تجاری,240,1395/08/14,1395/09/05,1400/09/05,فارس,مرکز آموزش فنی و حرفه‌ای شماره ۱ شیراز,valid,tvto",
        "1398-13-000104,certificate,1750987651,زهرا,موسوی,جعفر,1375/01/30,female,7531-10-004,خیاط لباس زنانه,420,1398/10/03,1398/10/25,,خوزستان,مرکز آموزش فنی و حرفه‌ای خواهران اهواز,revoked,tvto",
        "1403-10-000105,certificate,0499912349,امیرحسین,محمدی,رضا,1386/05/09,male,2512-10-005,برنامه‌نویس پایگاه داده,300,1403/03/18,1403/04/08,,خراسان جنوبی,هنرستان کاردانش شهید بهشتی بیرجند,valid,education",
        "1404-22-000106,certificate,3712345674,رضا,حسینی,مهدی,1368/02/12,male,7212-10-013,جوشکار برق,300,1404/01/20,1404/02/15,,کرمانشاه,کارگاه آموزشی زندان مرکزی کرمانشاه,valid,judiciary",
    ];

    /// <summary>The header of a file with the foreign nationals' columns (ADR-033).</summary>
    public const string ForeignHeader = Header + ",foreign_national_id,nationality";

    /// <summary>
    /// Foreign nationals' certificates, in the layout with the foreign nationals' columns: the national code column is
    /// empty, the 12-digit unique identifier and the nationality (ISO 3166-1 alpha-2) are at the end. Offered by the
    /// README as lookups to try.
    /// </summary>
    public static readonly IReadOnlyList<string> ForeignShowcase =
    [
        "1402-19-000201,certificate,,محمد نادر,حیدری,غلام سخی,1372/06/10,male,7126-10-012,لوله‌کش آب و فاضلاب ساختمان,280,1402/06/18,1402/07/09,,قم,مرکز آموزش فنی و حرفه‌ای شماره ۱ قم,valid,tvto,500123456781,AF",
        "1403-11-000202,certificate,,فاطمه,رحیمی,عبدالله,1378/02/25,female,7531-10-004,خیاط لباس زنانه,420,1403/01/28,1403/02/20,,خراسان رضوی,مرکز آموزش فنی و حرفه‌ای خواهران مشهد,valid,tvto,500234567892,AF",
        "1401-13-000203,certificate,,حیدر,الموسوی,جاسم,1369/09/03,male,7212-10-013,جوشکار برق,300,1401/09/12,1401/10/01,,خوزستان,مرکز آموزش فنی و حرفه‌ای شماره ۲ اهواز,valid,tvto,600345678903,IQ",
        "1404-08-000204,certificate,,عمران,خان,شفیق,1375/11/14,male,7231-10-016,مکانیک خودروهای سبک بنزینی,500,1404/02/05,1404/03/01,,تهران,مرکز آموزش فنی و حرفه‌ای شماره ۳ تهران,valid,tvto,700456789014,PK",
    ];

    /// <summary>The foreign nationals' showcase as an import file (UTF-8).</summary>
    public static byte[] ForeignCsv() =>
        Encoding.UTF8.GetBytes(ForeignHeader + "\n" + string.Join('\n', ForeignShowcase) + "\n");

    /// <summary>The header, the showcase records, then <paramref name="count"/> generated records.</summary>
    public static IEnumerable<string> Lines(int count, int seed = 1403)
    {
        yield return Header;
        foreach (var line in Showcase)
        {
            yield return line;
        }

        var random = new Random(seed);
        var people = new List<string>();
        var usedCodes = Showcase.Select(line => line.Split(',')[2]).ToHashSet(StringComparer.Ordinal);
        var record = new StringBuilder(256);
        for (var i = 0; i < count; i++)
        {
            // About five certificates in six belong to a new person; the rest to someone already holding one.
            var person = people.Count > 0 && random.Next(6) == 0
                ? people[random.Next(people.Count)]
                : NewPerson(random, usedCodes, people);
            var standard = Standards[random.Next(Standards.Length)];
            var provinceId = random.Next(Province.AllNames.Count);
            var program = PickProgram(random);
            var examYear = random.Next(1392, 1405);
            var exam = JalaliDate.Create(examYear, random.Next(1, 13), random.Next(1, 29));
            var issue = exam.AddDays(random.Next(7, 60));
            var latestIssue = JalaliDate.Create(1405, 8, 1);
            if (issue > latestIssue)
            {
                issue = latestIssue;
            }

            var isLicense = standard.IsLicenseTrade && random.Next(3) > 0;
            var expiry = isLicense ? issue.AddYears(5) : (DateOnly?)null;
            var status = random.Next(40) == 0 ? "revoked" : "valid";
            var number = string.Create(CultureInfo.InvariantCulture, $"{JalaliDate.YearOf(issue)}-{provinceId + 1:D2}-{200_000 + i:D7}");

            record.Clear();
            record.Append(number).Append(',')
                .Append(isLicense ? "license" : "certificate").Append(',')
                .Append(person).Append(',')
                .Append(standard.Code).Append(',').Append(standard.Title).Append(',')
                .Append(standard.Hours.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(JalaliDate.Format(exam)).Append(',')
                .Append(JalaliDate.Format(issue)).Append(',')
                .Append(expiry is { } e ? JalaliDate.Format(e) : string.Empty).Append(',')
                .Append(Province.AllNames[provinceId]).Append(',')
                .Append(TrainingCenter(random, program, provinceId)).Append(',')
                .Append(status).Append(',')
                .Append(program);
            yield return record.ToString();
        }
    }

    /// <summary>The whole generated file as UTF-8 bytes.</summary>
    public static byte[] Csv(int count, int seed = 1403) =>
        Encoding.UTF8.GetBytes(string.Join('\n', Lines(count, seed)) + "\n");

    private static string NewPerson(Random random, HashSet<string> usedCodes, List<string> people)
    {
        string code;
        do
        {
            var firstNine = random.Next(1_000_000, 999_999_999).ToString("D9", CultureInfo.InvariantCulture);
            code = NationalCode.Complete(firstNine);
        }
        while (!NationalCode.IsValid(code) || !usedCodes.Add(code));

        var female = random.Next(2) == 0;
        var firstName = female ? FemaleNames[random.Next(FemaleNames.Length)] : MaleNames[random.Next(MaleNames.Length)];
        var lastName = LastNames[random.Next(LastNames.Length)];
        var fatherName = MaleNames[random.Next(MaleNames.Length)];
        var birth = JalaliDate.Create(random.Next(1345, 1374), random.Next(1, 13), random.Next(1, 30));
        var person = string.Join(',', code, firstName, lastName, fatherName, JalaliDate.Format(birth), female ? "female" : "male");
        people.Add(person);
        return person;
    }

    private static string PickProgram(Random random) => random.Next(20) switch
    {
        < 14 => "tvto",
        < 17 => "education",
        < 18 => "judiciary",
        _ => "partner",
    };

    private static string TrainingCenter(Random random, string program, int provinceId)
    {
        var city = Capitals[provinceId];
        return program switch
        {
            "education" => $"هنرستان کاردانش {SchoolNames[random.Next(SchoolNames.Length)]} {city}",
            "judiciary" => $"کارگاه آموزشی زندان مرکزی {city}",
            "partner" => Partners[random.Next(Partners.Length)],
            _ => $"مرکز آموزش فنی و حرفه‌ای شماره {PersianText.ToPersianDigits(random.Next(1, 4))} {city}",
        };
    }

    /// <summary>Demo trades that need a prerequisite certificate (see <see cref="TrainingStandard.RequiresPrerequisite"/>).</summary>
    public static readonly string[] StandardsWithPrerequisite = ["7411-10-011"];

    private sealed record Standard(string Code, string Title, int Hours, bool IsLicenseTrade);

    private static readonly Standard[] Standards =
    [
        new("7411-20-002", "برق‌کار ساختمان درجه ۲", 360, true),
        new("7411-10-011", "برق‌کار ساختمان درجه ۱", 480, true),
        new("7126-30-003", "لوله‌کش گاز خانگی و تجاری", 240, true),
        new("7126-10-012", "لوله‌کش آب و فاضلاب ساختمان", 280, true),
        new("7212-10-013", "جوشکار برق", 300, true),
        new("7212-20-014", "جوشکار با گاز محافظ", 260, true),
        new("7127-10-015", "نصاب و تعمیرکار کولرهای گازی", 320, true),
        new("7231-10-016", "مکانیک خودروهای سبک بنزینی", 500, true),
        new("4311-10-001", "حسابدار عمومی", 320, false),
        new("4311-20-017", "حسابداری مالی با رایانه", 240, false),
        new("2512-10-005", "برنامه‌نویس پایگاه داده", 300, false),
        new("3512-10-018", "کاربر عمومی رایانه (ICDL)", 180, false),
        new("7531-10-004", "خیاط لباس زنانه", 420, false),
        new("7531-20-019", "خیاط لباس مردانه", 400, false),
        new("5142-10-020", "آرایشگر موی زنانه", 380, false),
        new("5141-10-021", "پیرایشگر مردانه", 300, false),
        new("5120-10-022", "آشپز غذاهای ایرانی", 260, false),
        new("7512-10-023", "شیرینی‌پز", 220, false),
        new("7115-10-024", "کابینت‌ساز چوبی", 340, false),
        new("7522-10-025", "نجار درب و پنجره", 300, false),
        new("7318-10-026", "قالی‌باف", 200, false),
        new("6111-10-027", "پرورش‌دهنده گلخانه‌ای", 180, false),
        new("7421-10-028", "تعمیرکار تلفن همراه", 250, false),
        new("3432-10-029", "طراح گرافیک رایانه‌ای", 280, false),
        new("7112-10-030", "بنای سفت‌کار", 320, false),
    ];

    private static readonly string[] MaleNames =
    [
        "محمد", "علی", "حسین", "رضا", "مهدی", "امیر", "حسن", "محمدرضا", "سعید", "مجید", "احمد", "جواد", "مصطفی",
        "سجاد", "میلاد", "حمید", "وحید", "کاظم", "ابوالفضل", "یوسف", "محسن", "بهروز", "فرهاد", "کامران", "داوود",
        "اکبر", "اصغر", "عباس", "مرتضی", "امیرحسین", "پویا", "آرش", "بابک", "سیاوش", "یعقوب", "ناصر", "منصور",
        "غلامرضا", "اسماعیل", "ابراهیم", "هادی", "صادق", "نادر", "شهرام", "کیوان", "رامین", "عبدالله", "جلال",
    ];

    private static readonly string[] FemaleNames =
    [
        "فاطمه", "زهرا", "مریم", "معصومه", "زینب", "سمیه", "نرگس", "الهام", "فرشته", "لیلا", "مهسا", "سارا",
        "نازنین", "ریحانه", "کوثر", "طاهره", "اعظم", "شهلا", "پروین", "منیژه", "سمانه", "مینا", "نسرین", "آزاده",
        "فریبا", "رقیه", "صدیقه", "هانیه", "یگانه", "ستاره", "پریسا", "شیما", "مژگان", "رویا", "کبری", "ملیحه",
    ];

    private static readonly string[] LastNames =
    [
        "محمدی", "حسینی", "احمدی", "رضایی", "موسوی", "کریمی", "هاشمی", "رحیمی", "صادقی", "جعفری", "قاسمی",
        "کاظمی", "نوری", "ابراهیمی", "طاهری", "عباسی", "مرادی", "نجفی", "یوسفی", "حیدری", "اکبری", "سلیمانی",
        "امیری", "باقری", "زارعی", "شریفی", "رستمی", "فرهادی", "بهرامی", "میرزایی", "کرمانی", "تهرانی",
        "شیرازی", "اصفهانی", "یزدانی", "قربانی", "خسروی", "نیک‌نام", "پورمحمدی", "علی‌پور", "حسن‌زاده",
        "محمدزاده", "عسگری", "فتحی", "سبحانی", "مختاری", "دهقان", "کشاورز", "آهنگر", "نجار", "صالحی",
    ];

    private static readonly string[] SchoolNames = ["شهید بهشتی", "شهید مطهری", "امام خمینی", "فردوسی", "خواجه نصیر", "شهید رجایی", "فاطمیه"];

    private static readonly string[] Partners =
    [
        "شرکت ملی گاز ایران", "سازمان بهزیستی کشور", "بنیاد مسکن انقلاب اسلامی", "شرکت توزیع نیروی برق",
        "سازمان نظام مهندسی ساختمان", "اتاق اصناف ایران",
    ];

    private static readonly string[] Capitals =
    [
        "تبریز", "ارومیه", "اردبیل", "اصفهان", "کرج", "ایلام", "بوشهر", "تهران", "شهرکرد", "بیرجند", "مشهد", "بجنورد",
        "اهواز", "زنجان", "سمنان", "زاهدان", "شیراز", "قزوین", "قم", "سنندج", "کرمان", "کرمانشاه", "یاسوج", "گرگان",
        "رشت", "خرم‌آباد", "ساری", "اراک", "بندرعباس", "همدان", "یزد",
    ];
}
