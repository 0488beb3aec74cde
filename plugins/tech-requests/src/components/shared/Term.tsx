import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import { ReactNode } from 'react';
import { GLOSSARY, GlossaryTerm } from '../format/words';

const useStyles = makeStyles({
  term: {
    textDecoration: 'underline dotted',
    textUnderlineOffset: '3px',
    cursor: 'help',
  },
});

/**
 * A word that must stay technical, explained where it stands: pointing at it shows what it
 * means in plain words (the tooltip also gives the word its accessible description).
 */
export function Term(props: { term: GlossaryTerm; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Tooltip title={GLOSSARY[props.term]}>
      <span className={classes.term}>{props.children}</span>
    </Tooltip>
  );
}
