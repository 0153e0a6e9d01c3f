using Trellis.Core.People;

namespace Trellis.Core.Tests.People;

public sealed class PeopleCsvTests
{
    private const string Header = "email,name,title,start_date,end_date,manager,screened_on,screened_by,training_course,training_date\n";

    [Fact]
    public void Parse_WellFormedRows_ReadsEveryColumn()
    {
        var rows = PeopleCsv.Parse(Header + " Ana@Example.COM ,\"Ana, Lopez\",Engineer,2024-01-15,,bo@example.com,2024-01-02,Verified Ltd,Awareness 2026,2026-03-01\n").Value;

        var ana = Assert.Single(rows);
        Assert.Equal("ana@example.com", ana.Email);
        Assert.Equal("Ana, Lopez", ana.Name);
        Assert.Equal(new DateOnly(2024, 1, 15), ana.StartDate);
        Assert.Null(ana.EndDate);
        Assert.Equal("bo@example.com", ana.Manager);
        Assert.Equal(new ScreeningRecord(new DateOnly(2024, 1, 2), "Verified Ltd"), ana.Screening);
        Assert.Equal(new TrainingCompletion(new DateOnly(2026, 3, 1), "Awareness 2026"), ana.Training);
    }

    [Theory]
    [InlineData("email,name,salary\n", "csv:1:salary")]
    [InlineData("name,title\nAna,Engineer\n", "csv:1:email")]
    [InlineData("email,name,start_date\nana@example.com,Ana,2024-13-01\n", "csv:2:start_date")]
    [InlineData("email,name\nana@example.com,Ana\nnot-an-email,Bo\n", "csv:3:email")]
    [InlineData("email,name\nana@example.com,Ana\nANA@example.com,Ana again\n", "csv:3:email")]
    [InlineData("email,name,start_date,end_date\nana@example.com,Ana,2024-05-01,2024-04-30\n", "csv:2:end_date")]
    [InlineData("email,name,screened_by\nana@example.com,Ana,Verified Ltd\n", "csv:2:screened_on")]
    [InlineData("email,name\nana@example.com,\n", "csv:2:name")]
    public void Parse_BadCell_NamesLineAndColumn(string csv, string location)
    {
        var result = PeopleCsv.Parse(csv);

        Assert.False(result.IsSuccess);
        Assert.Equal("invalid-person", result.Error!.Code);
        Assert.Equal(location, result.Error.Location);
    }

    [Fact]
    public void Parse_TooManyRows_IsRefused()
    {
        var csv = "email,name\n" + string.Concat(Enumerable.Range(0, PeopleCsv.MaxRows + 1).Select(i => $"p{i}@example.com,P\n"));

        Assert.False(PeopleCsv.Parse(csv).IsSuccess);
    }
}
