using Trellis.Cli;

// Progress bars only on an interactive terminal that understands cursor movement (TERM=dumb does not).
var terminal = !Console.IsOutputRedirected && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not "dumb";
return CliApp.Run(args, Console.Out, Console.Error, terminal: terminal);
