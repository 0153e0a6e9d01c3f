using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.People;

namespace Trellis.Web.Pages.People;

/// <summary>
/// The add/edit form of <c>/people</c>: dates as <c>YYYY-MM-DD</c> text (empty = none); a training or a screening is
/// taken when both its fields are given. Parsing only: the rules are <see cref="Application.People.PeopleService"/>'s.
/// </summary>
public sealed class PersonForm
{
    /// <summary>E-mail (the key).</summary>
    public string? Email { get; set; }

    /// <summary>Full name.</summary>
    public string? Name { get; set; }

    /// <summary>Role or title.</summary>
    public string? Title { get; set; }

    /// <summary>First working day.</summary>
    public string? StartDate { get; set; }

    /// <summary>Last working day.</summary>
    public string? EndDate { get; set; }

    /// <summary>Manager's e-mail.</summary>
    public string? Manager { get; set; }

    /// <summary>Day a training was completed.</summary>
    public string? TrainingDate { get; set; }

    /// <summary>Its course.</summary>
    public string? TrainingCourse { get; set; }

    /// <summary>Day screening was completed.</summary>
    public string? ScreenedOn { get; set; }

    /// <summary>Who screened.</summary>
    public string? ScreenedBy { get; set; }

    /// <summary>The person the form describes, or the first field that does not parse (named).</summary>
    public Result<Person> ToPerson()
    {
        var dates = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        foreach (var (field, text) in new[] { ("startDate", StartDate), ("endDate", EndDate), ("trainingDate", TrainingDate), ("screenedOn", ScreenedOn) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                dates[field] = null;
                continue;
            }

            var d = CalendarDates.Parse(text.Trim(), field);
            if (!d.IsSuccess)
            {
                return d.Error! with { Location = field };
            }

            dates[field] = d.Value;
        }

        if ((dates["trainingDate"] is null) != string.IsNullOrWhiteSpace(TrainingCourse))
        {
            return new Error(ErrorCodes.InvalidPerson, "a training needs both its date and its course", dates["trainingDate"] is null ? "trainingDate" : "trainingCourse");
        }

        if ((dates["screenedOn"] is null) != string.IsNullOrWhiteSpace(ScreenedBy))
        {
            return new Error(ErrorCodes.InvalidPerson, "screening needs both its date and who did it", dates["screenedOn"] is null ? "screenedOn" : "screenedBy");
        }

        return new Person
        {
            Id = "",
            Email = Email ?? "",
            Name = Name ?? "",
            Title = Title ?? "",
            StartDate = dates["startDate"],
            EndDate = dates["endDate"],
            Manager = string.IsNullOrWhiteSpace(Manager) ? null : Manager,
            Training = dates["trainingDate"] is { } t ? [new TrainingCompletion(t, TrainingCourse!.Trim())] : [],
            Screening = dates["screenedOn"] is { } s ? new ScreeningRecord(s, ScreenedBy!.Trim()) : null,
        };
    }
}
