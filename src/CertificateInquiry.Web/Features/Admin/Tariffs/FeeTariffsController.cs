using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Admin.Tariffs;

/// <summary>
/// /admin/tariffs: the inquiry fee per Jalali year. A national admin adds next year's tariff and changes an amount;
/// the pay page charges the tariff of the current year from the next payment on (payments already started keep theirs).
/// </summary>
[Route("admin/tariffs")]
public sealed class FeeTariffsController(
    FeeTariffAdministration tariffs,
    IValidator<NewFeeTariffInput> newValidator,
    IValidator<FeeTariffChangeInput> changeValidator) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done, CancellationToken cancellationToken) =>
        View(new FeeTariffsPage(await tariffs.ListAsync(cancellationToken), tariffs.CurrentYear, TariffDone.Message(done)));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        // The first year from now on without a tariff: usually next year's, set before Nowruz.
        var years = (await tariffs.ListAsync(cancellationToken)).Select(t => t.JalaliYear).ToHashSet();
        var year = Enumerable.Range(tariffs.CurrentYear, FeeTariffAdministration.YearsAhead + 1).FirstOrDefault(y => !years.Contains(y));
        var input = new NewFeeTariffInput { JalaliYear = year == 0 ? null : PersianText.ToPersianDigits(year) };
        return View(new NewFeeTariffPage(input));
    }

    [HttpPost("new")]
    public async Task<IActionResult> New([FromForm] NewFeeTariffInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddErrors(await newValidator.ValidateAsync(input, cancellationToken));
        if (ModelState.IsValid)
        {
            TariffInput.TryParseYear(input.JalaliYear, out var year);
            TariffInput.TryParseAmount(input.Amount, out var amount);
            if (await tariffs.AddAsync(year, amount, cancellationToken) is not { } refusal)
            {
                return Redirect("/admin/tariffs?done=" + TariffDone.Added);
            }

            ModelState.AddModelError(nameof(input.JalaliYear), refusal);
        }

        return View(new NewFeeTariffPage(input));
    }

    [HttpGet("{year:int}")]
    public async Task<IActionResult> Change(int year, CancellationToken cancellationToken)
    {
        var tariff = await tariffs.FindAsync(year, cancellationToken);
        return tariff is null
            ? NotFound()
            : View(new FeeTariffChangePage(tariff, new FeeTariffChangeInput { OriginalAmount = tariff.AmountRials }, tariffs.CurrentYear));
    }

    [HttpPost("{year:int}")]
    public async Task<IActionResult> Change(int year, [FromForm] FeeTariffChangeInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddErrors(await changeValidator.ValidateAsync(input, cancellationToken));
        if (ModelState.IsValid)
        {
            TariffInput.TryParseAmount(input.Amount, out var amount);
            switch (await tariffs.ChangeAsync(year, input.OriginalAmount, amount, cancellationToken))
            {
                case TariffChangeOutcome.Changed:
                    return Redirect("/admin/tariffs?done=" + TariffDone.Changed);
                case TariffChangeOutcome.Unchanged:
                    return Redirect("/admin/tariffs?done=" + TariffDone.Unchanged);
                case TariffChangeOutcome.NotFound:
                    return NotFound();
                case TariffChangeOutcome.ChangedMeanwhile:
                    ModelState.AddModelError(nameof(input.Amount),
                        "مبلغ این سال در این فاصله جای دیگری تغییر کرده است. مبلغ کنونی در بالای صفحه آمده است؛ اگر هنوز می‌خواهید آن را تغییر دهید، دوباره ذخیره کنید.");
                    break;
            }
        }

        var tariff = await tariffs.FindAsync(year, cancellationToken);
        if (tariff is null)
        {
            return NotFound();
        }

        // What was typed stays; the form now carries the current amount, so saving again is a deliberate change of it.
        input.OriginalAmount = tariff.AmountRials;
        return View(new FeeTariffChangePage(tariff, input, tariffs.CurrentYear));
    }
}

public static class TariffDone
{
    public const string Added = "added";
    public const string Changed = "changed";
    public const string Unchanged = "unchanged";

    public static string? Message(string? done) => done switch
    {
        Added => "تعرفه سال تازه افزوده شد.",
        Changed => "مبلغ تعرفه تغییر کرد. پرداخت‌هایی که از این پس آغاز شوند با مبلغ تازه انجام می‌شوند.",
        Unchanged => "مبلغ همان مبلغ پیشین بود؛ چیزی تغییر نکرد.",
        _ => null,
    };
}

public sealed record FeeTariffsPage(IReadOnlyList<FeeTariffRow> Tariffs, int CurrentYear, string? Done)
{
    public bool CurrentYearMissing => Tariffs.All(t => t.JalaliYear != CurrentYear);
}

public sealed record NewFeeTariffPage(NewFeeTariffInput Input);

public sealed record FeeTariffChangePage(FeeTariffRow Tariff, FeeTariffChangeInput Input, int CurrentYear);
