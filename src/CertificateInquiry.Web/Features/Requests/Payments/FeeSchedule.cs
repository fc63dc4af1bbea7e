using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Requests.Payments;

/// <summary>The inquiry fee of one Jalali year.</summary>
public sealed record Fee(int JalaliYear, long AmountRials)
{
    /// <summary>«۳٬۰۰۰٬۰۰۰ ریال».</summary>
    public string Display => Rials.Format(AmountRials);
}

/// <summary>The fee a request pays: the tariff of today's Jalali year (Iran's date), set by a national admin.</summary>
public sealed class FeeSchedule(AppDbContext db, TimeProvider clock, ILogger<FeeSchedule> logger)
{
    /// <summary>What the applicant reads when no fee can be charged; their draft is kept.</summary>
    public const string PaymentNotPossible =
        "پرداخت هزینه در این لحظه ممکن نیست. درخواست شما ذخیره شده است؛ لطفاً چند ساعت دیگر دوباره برای پرداخت اقدام کنید.";

    /// <summary>Today's fee, or null (logged as an error for operators) when this year has no tariff.</summary>
    public async Task<Fee?> CurrentAsync(CancellationToken cancellationToken)
    {
        var year = JalaliDate.YearOf(IranTime.Today(clock));
        var amount = await db.FeeTariffs.AsNoTracking()
            .Where(tariff => tariff.JalaliYear == year)
            .Select(tariff => (long?)tariff.AmountRials)
            .SingleOrDefaultAsync(cancellationToken);
        if (amount is not > 0)
        {
            logger.LogError("No inquiry fee is set for the Jalali year {JalaliYear}: requests cannot be paid until a national admin sets the tariff", year);
            return null;
        }

        return new Fee(year, amount.Value);
    }
}
