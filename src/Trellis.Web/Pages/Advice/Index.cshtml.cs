using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Core.Advice;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Advice;

/// <summary>The advisor questionnaire: SOC 2 or ISO/IEC 27001 first, with the decision table's reasons.</summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class IndexModel(TimeProvider clock) : PageModel
{
    /// <summary>Answers as wire names.</summary>
    public string? Market { get; private set; }

    /// <summary>What buyers ask for.</summary>
    public string? Buyers { get; private set; }

    /// <summary>Maturity.</summary>
    public string? Maturity { get; private set; }

    /// <summary>Architecture.</summary>
    public string? Architecture { get; private set; }

    /// <summary>The advice, once every question is answered.</summary>
    public Trellis.Core.Advice.Advice? Result { get; private set; }

    /// <summary>Why advice could not be given.</summary>
    public string? Message { get; private set; }

    /// <summary>Answers the questionnaire when complete.</summary>
    public void OnGet(string? market, string? buyers, string? maturity, string? architecture)
    {
        (Market, Buyers, Maturity, Architecture) = (market, buyers, maturity, architecture);
        static int Index(IReadOnlyList<string> wire, string? v) => v is null ? -1 : wire.ToList().IndexOf(v);
        var (m, b, t, a) = (Index(AdvisorWire.Markets, market), Index(AdvisorWire.Buyers, buyers), Index(AdvisorWire.Maturities, maturity), Index(AdvisorWire.Architectures, architecture));
        if (m < 0 || b < 0 || t < 0 || a < 0)
        {
            return;
        }

        var advice = Advisor.Advise(
            new AdvisorAnswers { Market = (TargetMarket)m, Buyers = (BuyerExpectation)b, Maturity = (OrganizationalMaturity)t, Architecture = (ProductArchitecture)a },
            FrameworkLibrary.ShippedEngine,
            clock);
        if (advice.IsSuccess)
        {
            Result = advice.Value;
        }
        else
        {
            Message = advice.Error!.Message;
        }
    }
}
