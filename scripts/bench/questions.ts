/**
 * The fixed question list the bench asks, in a fixed order. Mostly what people ask about Python (the default
 * corpus is the Python documentation), then off-topic questions (retrieval finds little or nothing) and long,
 * stopword-heavy ones (many weak terms: the slow path of an OR query).
 */
export interface BenchQuestion {
  text: string;
  kind: 'python' | 'off-topic' | 'long';
}

const PYTHON = [
  'How do I sort a list in reverse order?',
  'What does the with statement do?',
  'Which module parses command line arguments?',
  'How many arguments does range take?',
  'How do I read a file line by line?',
  'What is the difference between a list and a tuple?',
  'How do I remove duplicates from a list?',
  'What does the yield keyword do?',
  'How do I create a virtual environment?',
  'Which module provides regular expressions?',
  'How do I format a date as a string?',
  'What is a decorator?',
  'How do I catch multiple exceptions in one except clause?',
  'What does __init__ do in a class?',
  'How do I merge two dictionaries?',
  'How do I get the current working directory?',
  'What is the global interpreter lock?',
  'How do I run a subprocess and capture its output?',
  'Which function returns the length of a sequence?',
  'How do I convert a string to an integer?',
  'What does the async keyword mean?',
  'How do I open a file in binary mode?',
  'What is a generator expression?',
  'How do I serialize an object to JSON?',
  'When was the walrus operator added?',
  'How do I copy a dictionary without sharing references?',
  'What is the default recursion limit?',
  'How do I log messages to a file?',
  'Which exception is raised when a key is missing from a dict?',
  'How do I iterate over two lists at the same time?',
  'How do I make a class iterable?',
  'What does the pass statement do?',
  'How do I start a thread?',
  'How do I compare floating point numbers for equality?',
  'What is a lambda function?',
];

const OFF_TOPIC = [
  'Who won the football world cup in 1998?',
  'What is the best recipe for banana bread?',
  'How many moons does Jupiter have?',
  'Where is the Eiffel Tower?',
];

const LONG = [
  'what is the thing that is used to do the thing with the list',
  'can you please tell me how I would go about doing something like this in the best possible way if I wanted to',
  'is there any way that I could make it so that it would be able to do that for all of them at once',
  'I have been trying for a very long time to understand what happens when you call a function with a default argument that is a list and then change it',
  'what are all of the different ways that you can use to get the value out of something when it might not be there',
];

export const QUESTIONS: readonly BenchQuestion[] = [
  ...PYTHON.map((text) => ({ text, kind: 'python' as const })),
  ...OFF_TOPIC.map((text) => ({ text, kind: 'off-topic' as const })),
  ...LONG.map((text) => ({ text, kind: 'long' as const })),
];
