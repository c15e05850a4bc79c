import { projectEventPath, projectPath, sectionOfEvent } from './project-sections.js';

describe('the links into a project page', () => {
  it('opens the section where an event is read, and the question when there is one', () => {
    expect(projectEventPath('p1', 'QuestionAnswered', 'q1')).toBe('/projets/p1/questions#question-q1');
    expect(projectEventPath('p1', 'InternalNoteAdded', 'q1')).toBe('/projets/p1/questions#question-q1');
    expect(projectEventPath('p1', 'MessagePosted', null)).toBe('/projets/p1/echanges');
    expect(projectEventPath('p1', 'DocumentAdded', null)).toBe('/projets/p1/documents');
    expect(projectEventPath('p1', 'PublicationRequested', null)).toBe('/projets/p1/publication');
    expect(projectEventPath('p1', 'ProjectPublished', null)).toBe('/projets/p1/publication');
    expect(projectEventPath('p1', 'StepAdvanced', null)).toBe('/projets/p1');
  });

  it('writes the overview without a trailing segment', () => {
    expect(projectPath('p1')).toBe('/projets/p1');
    expect(sectionOfEvent('ProjectDetailsChanged')).toBe('');
  });
});
