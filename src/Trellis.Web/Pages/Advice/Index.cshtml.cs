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

    /// <summary>Reports and certificates already held (wire names).</summary>
    public IReadOnlyList<string> Has { get; private set; } = [];

    /// <summary>The advice, once every question is answered.</summary>
    public Trellis.Core.Advice.Advice? Result { get; private set; }

    /// <summary>Why advice could not be given.</summary>
    public string? Message { get; private set; }

    /// <summary>Answers the questionnaire when complete.</summary>
    public void OnGet(string? market, string? buyers, string? maturity, string? architecture, string[]? has)
    {
        (Market, Buyers, Maturity, Architecture) = (market, buyers, maturity, architecture);
        var held = new HashSet<ExistingAssurance>();
        foreach (var name in has ?? [])
        {
            if (AdvisorWire.TryParse(name, out ExistingAssurance e))
            {
                held.Add(e);
            }
        }

        Has = [.. held.Order().Select(e => e.ToWire())];
        if (!AdvisorWire.TryParse(market, out TargetMarket m) || !AdvisorWire.TryParse(buyers, out BuyerExpectation b)
            || !AdvisorWire.TryParse(maturity, out OrganizationalMaturity t) || !AdvisorWire.TryParse(architecture, out ProductArchitecture a))
        {
            return;
        }

        var advice = Advisor.Advise(
            new AdvisorAnswers { Market = m, Buyers = b, Maturity = t, Architecture = a, Existing = held },
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
