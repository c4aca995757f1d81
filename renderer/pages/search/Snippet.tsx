import { Text } from '@mantine/core';
import { snippetSegments } from '../../../shared/api/search.js';
import classes from './SearchPage.module.css';

/** A snippet with its hits as <mark>, built as elements (no HTML from the server is ever parsed). */
export function Snippet({ text }: { text: string }) {
  if (text === '') return null;
  return (
    <Text size="sm" className={classes.snippet}>
      {snippetSegments(text).map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </Text>
  );
}
