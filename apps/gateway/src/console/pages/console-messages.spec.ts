import { consoleMessage, isConsoleMessageKey } from './console-messages';
import { durationWords, problemWords } from './problem-words';

describe('console messages', () => {
  it('fills the named values and leaves a missing one visible', () => {
    expect(consoleMessage('en', 'review.counts', { ready: 3, problems: 2, total: 5 })).toBe('3 ready, 2 with problems, 5 rows');
    expect(consoleMessage('fr', 'paging.position', { page: 2 })).toBe('Page 2 sur {pages}');
  });

  it('knows its keys only', () => {
    expect(isConsoleMessageKey('nav.members')).toBe(true);
    expect(isConsoleMessageKey('toString')).toBe(false);
  });

  it('says a row problem in French by its code, and in English as the members service worded it', () => {
    const problem = { code: 'duplicate_in_batch', message: 'This email address already appears on line 4.' };
    expect(problemWords('en', problem)).toBe(problem.message);
    expect(problemWords('fr', problem)).toBe('Cette adresse e-mail figure déjà sur une autre ligne.');
    expect(problemWords('fr', { code: 'something_new', message: 'Said in English.' })).toBe('Said in English.');
  });
});

describe('durationWords', () => {
  it.each([
    [0.4, '0 s'],
    [45, '45 s'],
    [200, '3 min 20 s'],
    [3_900, '1 h 05 min'],
  ])('says %p seconds as %p', (seconds, words) => {
    expect(durationWords(seconds)).toBe(words);
  });
});
