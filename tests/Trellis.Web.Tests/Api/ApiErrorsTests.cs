using Trellis.Core.Common;
using Trellis.Web.Api;

namespace Trellis.Web.Tests.Api;

/// <summary>One status per error category (RFC 9110 meanings), and every code answered with its category's.</summary>
public class ApiErrorsTests
{
    // The statuses documented in ErrorCategory, from RFC 9110 §15 (and RFC 6585 for 428).
    public static TheoryData<ErrorCategory, int> Documented => new()
    {
        { ErrorCategory.NotFound, 404 },
        { ErrorCategory.Conflict, 409 },
        { ErrorCategory.PreconditionFailed, 412 },
        { ErrorCategory.PreconditionRequired, 428 },
        { ErrorCategory.Forbidden, 403 },
        { ErrorCategory.TooLarge, 413 },
        { ErrorCategory.Unprocessable, 422 },
        { ErrorCategory.Invalid, 400 },
        { ErrorCategory.Internal, 500 },
        { ErrorCategory.Timeout, 408 },
        { ErrorCategory.Unavailable, 503 },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public void StatusOf_EveryCategory_IsItsDocumentedStatus(ErrorCategory category, int status) =>
        Assert.Equal(status, ApiErrors.StatusOf(category));

    [Fact]
    public void Documented_CoversEveryCategory() =>
        Assert.Equal(Enum.GetValues<ErrorCategory>().Order(), Documented.Select(row => (ErrorCategory)row[0]).Order());

    [Theory]
    [InlineData(ErrorCodes.UnknownEvidence, 404)]
    [InlineData(ErrorCodes.DuplicateFinding, 409)]
    [InlineData(ErrorCodes.ConcurrencyConflict, 412)]
    [InlineData(ErrorCodes.PreconditionRequired, 428)]
    [InlineData(ErrorCodes.Forbidden, 403)]
    [InlineData(ErrorCodes.PayloadTooLarge, 413)]
    [InlineData(ErrorCodes.AboveAcceptanceThreshold, 422)]
    [InlineData(ErrorCodes.InvalidIfMatch, 400)]
    [InlineData(ErrorCodes.BlobCorrupt, 500)]
    public void StatusOf_AnError_IsTheStatusOfItsCodesCategory(string code, int status) =>
        Assert.Equal(status, ApiErrors.StatusOf(new Error(code, "m")));

    [Fact]
    public void StatusOf_EveryCode_IsAnErrorStatus() =>
        Assert.All(ErrorCodes.All.Keys, code => Assert.InRange(ApiErrors.StatusOf(new Error(code, "m")), 400, 599));
}
